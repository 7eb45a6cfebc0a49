package vn.campaign.recognition.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.recognition.model.Model;
import vn.campaign.recognition.model.ModelStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A model as the API shows it. */
@Schema(name = "Model")
public record ModelView(UUID id, String name, UUID ownerUnitId, String field, String description, LocalDate startedOn,
                        String results, ModelStatus status, Integer recognisedYear, Instant recognisedAt, int replicationCount,
                        long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static ModelView of(Model m) {
        return new ModelView(m.id, m.name, m.ownerUnitId, m.field, m.description, m.startedOn, m.results, m.status,
                m.recognisedYear, m.recognisedAt, m.replicationCount, m.version, m.createdAt, m.createdBy, m.updatedAt, m.updatedBy);
    }
}
