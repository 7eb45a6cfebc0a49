package vn.campaign.recognition.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.recognition.nomination.Nomination;
import vn.campaign.recognition.nomination.NominationService;
import vn.campaign.recognition.nomination.NominationStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A nomination as the API shows it; {@code steps} only on single reads. */
@Schema(name = "Nomination")
public record NominationView(UUID id, NomineeType nomineeType, UUID nomineeId, String nomineeName, UUID nomineeUnitId,
                             UUID proposingUnitId, int year, UUID topicId, String achievements, List<Nomination.Evidence> evidence,
                             RecognitionForm form, Nomination.Kind kind, NominationStatus status,
                             @Schema(description = "the unit that holds the nomination now (the deciding unit once decided)") UUID currentUnitId,
                             @Schema(description = "the nominee is under discipline or inspection: no step is possible") boolean frozen,
                             String decisionNote, UUID awardId, long version, Instant createdAt, String createdBy,
                             Instant updatedAt, String updatedBy, List<NominationService.Step> steps) {

    public static NominationView of(Nomination n, boolean frozen, List<NominationService.Step> steps) {
        return new NominationView(n.id, n.nomineeType, n.nomineeId, n.nomineeName, n.nomineeUnitId, n.proposingUnitId, n.year,
                n.topicId, n.achievements, n.evidence, n.form, n.kind, n.status, n.currentUnitId, frozen, n.decisionNote, n.awardId,
                n.version, n.createdAt, n.createdBy, n.updatedAt, n.updatedBy, steps);
    }
}
