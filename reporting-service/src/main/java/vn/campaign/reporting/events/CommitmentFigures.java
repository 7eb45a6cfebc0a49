package vn.campaign.reporting.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.campaign.foundation.commitments.CommitmentEvent;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.reporting.figures.Metrics;
import vn.campaign.reporting.figures.Periods;
import vn.campaign.reporting.figures.ReadModel;

import java.util.EnumSet;
import java.util.List;

/** Roster, commitment and check-in figures from commitment-service's events (channel {@code commitments}). */
@ApplicationScoped
public class CommitmentFigures {

    private static final EnumSet<CommitmentStatus> APPROVED_OR_LATER =
            EnumSet.of(CommitmentStatus.APPROVED, CommitmentStatus.SELF_ASSESSED, CommitmentStatus.EVALUATED);

    @Inject
    FigureBatches batches;
    @Inject
    ReadModel readModel;
    @Inject
    ObjectMapper json;

    @Incoming("commitments")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.live("commitments", records, this::apply);
    }

    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case CommitmentEvent.MEMBER_REGISTERED, CommitmentEvent.MEMBER_UPDATED, CommitmentEvent.MEMBER_MOVED ->
                    member(event.data(json, CommitmentEvent.MemberState.class));
            case CommitmentEvent.CHECKED_IN -> checkIn(event.data(json, CommitmentEvent.CheckInRecorded.class));
            case CommitmentEvent.PRAISED -> { }
            default -> {
                if (event.type().startsWith("commitment.")) {
                    commitment(event.data(json, CommitmentEvent.CommitmentState.class));
                }
            }
        }
    }

    private void member(CommitmentEvent.MemberState m) {
        boolean expected = m.exemption() == null;
        ReadModel.Contribution c = new ReadModel.Contribution()
                .add(Periods.CURRENT, Metrics.MEMBERS, 1)
                .add(Periods.CURRENT, Metrics.MEMBERS_EXPECTED, expected ? 1 : 0)
                .add(Periods.CURRENT, Metrics.LEADERS_EXPECTED, expected && m.leader() ? 1 : 0);
        readModel.replace("member", m.memberId().toString(), m.unitPath(), c, m.version());
    }

    private void commitment(CommitmentEvent.CommitmentState s) {
        ReadModel.Contribution c = new ReadModel.Contribution();
        List<String> year = List.of(String.valueOf(s.year()));
        for (String prefix : s.leader() ? List.of("", Metrics.LEADERS) : List.of("")) {
            c.add(year, prefix + Metrics.COMMITMENTS, 1);
            if (s.submittedAt() != null) {
                c.add(year, prefix + Metrics.SUBMITTED, 1);
                c.add(year, prefix + (s.late() ? Metrics.LATE : Metrics.ON_TIME), 1);
            }
            c.add(year, prefix + Metrics.APPROVED, APPROVED_OR_LATER.contains(s.status()) ? 1 : 0);
            c.add(year, prefix + Metrics.RETURNED, s.status() == CommitmentStatus.RETURNED ? 1 : 0);
            if (s.status() == CommitmentStatus.EVALUATED && s.rating() != null) {
                c.add(year, prefix + Metrics.EVALUATED, 1);
                c.add(year, prefix + Metrics.RATED + s.rating().name(), 1);
            }
        }
        readModel.replace("commitment", s.commitmentId().toString(), s.unitPath(), c, s.version());
    }

    private void checkIn(CommitmentEvent.CheckInRecorded r) {
        ReadModel.Contribution c = new ReadModel.Contribution().add(Periods.containing(r.recordedAt()), Metrics.CHECK_INS, 1);
        readModel.replace("check-in", r.checkInId().toString(), r.unitPath(), c, 0);
    }

}
