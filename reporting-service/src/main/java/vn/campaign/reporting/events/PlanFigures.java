package vn.campaign.reporting.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.plans.PlanEvent;
import vn.campaign.reporting.figures.Metrics;
import vn.campaign.reporting.figures.Periods;
import vn.campaign.reporting.figures.ReadModel;
import vn.campaign.reporting.reports.ReportSchedule;

import java.util.List;

/** The cascade, what each plan expects, and implementation activities from plan-service's events (channel {@code plans}). */
@ApplicationScoped
public class PlanFigures {

    @Inject
    FigureBatches batches;
    @Inject
    ReadModel readModel;
    @Inject
    ObjectMapper json;
    @Inject
    ReportSchedule schedule;

    @Incoming("plans")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.live("plans", records, this::apply);
    }

    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case PlanEvent.ACKNOWLEDGED -> {
                PlanEvent.Acknowledged a = event.data(json, PlanEvent.Acknowledged.class);
                cascade(a.planId().toString(), a.unitPath(), a.year(), false, 1);
            }
            case PlanEvent.IMPLEMENTATION_LINKED -> {
                PlanEvent.ImplementationLinked l = event.data(json, PlanEvent.ImplementationLinked.class);
                cascade(l.planId().toString(), l.unitPath(), l.year(), true, 2);
            }
            case PlanEvent.ACTIVITY_RECORDED -> activity(event.data(json, PlanEvent.ActivityRecorded.class));
            case PlanEvent.PUBLISHED, PlanEvent.AMENDED, PlanEvent.WITHDRAWN, PlanEvent.ARCHIVED ->
                    schedule.apply(event.data(json, PlanEvent.PlanState.class));
            default -> {
                // a type this version does not count
            }
        }
    }

    /** A unit's step in a plan's cascade; an implementing plan implies the acknowledgement. */
    private void cascade(String planId, List<java.util.UUID> unitPath, int year, boolean implemented, long version) {
        List<String> period = List.of(String.valueOf(year));
        ReadModel.Contribution c = new ReadModel.Contribution()
                .add(period, Metrics.PLANS_ACKNOWLEDGED, 1)
                .add(period, Metrics.PLANS_IMPLEMENTED, implemented ? 1 : 0);
        readModel.replace("plan-unit", planId + ":" + unitPath.get(unitPath.size() - 1), unitPath, c, version);
    }

    private void activity(PlanEvent.ActivityRecorded a) {
        List<String> periods = Periods.containing(a.heldOn());
        ReadModel.Contribution c = new ReadModel.Contribution()
                .add(periods, Metrics.ACTIVITIES + a.kind(), 1)
                .add(periods, Metrics.ATTENDANCE_EXPECTED, a.participantsExpected())
                .add(periods, Metrics.ATTENDANCE_ATTENDED, a.participantsAttended());
        readModel.replace("activity", a.activityId().toString(), a.unitPath(), c, 0);
    }

}
