package vn.campaign.recognition.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.recognition.award.Award;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An award decision as the API shows it. */
@Schema(name = "Award")
public record AwardView(UUID id, Award.Origin origin, String decisionNumber, LocalDate decidedOn, int year, RecognitionForm form,
                        UUID grantingUnitId, List<Award.Recipient> recipients, boolean published, Instant publishedAt,
                        long version, Instant createdAt, String createdBy) {

    public static AwardView of(Award a) {
        return new AwardView(a.id, a.origin, a.decisionNumber, a.decidedOn, a.year, a.form, a.grantingUnitId, a.recipients,
                a.published, a.publishedAt, a.version, a.createdAt, a.createdBy);
    }
}
