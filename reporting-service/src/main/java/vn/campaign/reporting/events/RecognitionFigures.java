package vn.campaign.reporting.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.recognition.RecognitionEvent;
import vn.campaign.reporting.figures.Metrics;
import vn.campaign.reporting.figures.Periods;
import vn.campaign.reporting.figures.ReadModel;

import java.util.List;

/**
 * Nominations by status and form (counted at the proposing unit), awards by form (at the granting
 * unit, with their recipients), models recognised and replications (at the replicating unit),
 * from recognition-service's events (channel {@code recognition}).
 */
@ApplicationScoped
public class RecognitionFigures {

    @Inject
    FigureBatches batches;
    @Inject
    ReadModel readModel;
    @Inject
    ObjectMapper json;

    @Incoming("recognition")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.live("recognition", records, this::apply);
    }

    public void apply(EventEnvelope event) {
        if (event.type().startsWith("nomination.")) {
            nomination(event.data(json, RecognitionEvent.NominationState.class));
        } else if (event.type().startsWith("award.")) {
            award(event.data(json, RecognitionEvent.AwardState.class));
        } else if (event.type().equals(RecognitionEvent.MODEL_REPLICATED)) {
            replication(event.data(json, RecognitionEvent.ModelReplicated.class));
        } else if (event.type().startsWith("model.")) {
            model(event.data(json, RecognitionEvent.ModelState.class));
        }
    }

    private void nomination(RecognitionEvent.NominationState n) {
        List<String> year = List.of(String.valueOf(n.year()));
        ReadModel.Contribution c = new ReadModel.Contribution()
                .add(year, Metrics.NOMINATIONS, 1)
                .add(year, Metrics.NOMINATIONS + "." + n.status(), 1)
                .add(year, Metrics.NOMINATIONS + "." + n.form(), 1);
        readModel.replace("nomination", n.nominationId().toString(), n.unitPath(), c, n.version());
    }

    private void award(RecognitionEvent.AwardState a) {
        List<String> year = List.of(String.valueOf(a.year()));
        int recipients = a.recipients() == null ? 0 : a.recipients().size();
        ReadModel.Contribution c = new ReadModel.Contribution()
                .add(year, Metrics.AWARDS, 1)
                .add(year, Metrics.AWARDS + "." + a.form(), 1)
                .add(year, Metrics.AWARDED_RECIPIENTS, recipients)
                .add(year, Metrics.AWARDED_RECIPIENTS + "." + a.form(), recipients);
        readModel.replace("award", a.awardId().toString(), a.unitPath(), c, a.version());
    }

    private void model(RecognitionEvent.ModelState m) {
        ReadModel.Contribution c = new ReadModel.Contribution();
        if ("RECOGNISED".equals(m.status()) && m.recognisedYear() != null) {
            c.add(String.valueOf(m.recognisedYear()), Metrics.MODELS_RECOGNISED, 1);
        }
        readModel.replace("model", m.modelId().toString(), m.unitPath(), c, m.version());
    }

    private void replication(RecognitionEvent.ModelReplicated r) {
        ReadModel.Contribution c = new ReadModel.Contribution()
                .add(Periods.containing(r.replicatedOn()), Metrics.MODELS_REPLICATED, 1);
        readModel.replace("model-replication", r.modelId() + ":" + r.replicatingUnitId(), r.replicatingUnitPath(), c, 0);
    }

}
