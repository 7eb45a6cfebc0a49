package vn.campaign.recognition.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.web.CleanText;

import java.time.Instant;

/**
 * Discipline and inspection (kỷ luật, thanh tra, kiểm tra): while a nominee is under either, its
 * nominations are frozen. Set and cleared by the officers of a unit above the nominee's unit.
 * The restriction stays inside this service: no event announces that a member is under discipline
 * or inspection (a nomination's {@code frozen} flag is all others see).
 */
@ApplicationScoped
public class RestrictionService {

    /** Why a nominee is restricted. */
    public enum Reason { DISCIPLINE, INSPECTION }

    @Schema(name = "RestrictionRequest")
    public record RestrictionRequest(@NotNull Reason reason, @Size(max = 2000) @CleanText(multiline = true) String note) {
    }

    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    NomineeDirectory nominees;

    @Transactional
    public NomineeDirectory.Restriction set(NomineeType type, java.util.UUID id, RestrictionRequest request) {
        NomineeDirectory.Nominee nominee = authorise(type, id);
        Instant now = Instant.now();
        em.createNativeQuery("""
                        insert into nominee_restriction (nominee_type, nominee_id, unit_id, reason, note, set_at, set_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (nominee_type, nominee_id) do update set reason = excluded.reason, note = excluded.note,
                            set_at = excluded.set_at, set_by = excluded.set_by""")
                .setParameter(1, type.name()).setParameter(2, id).setParameter(3, nominee.unitId())
                .setParameter(4, request.reason().name()).setParameter(5, request.note())
                .setParameter(6, java.sql.Timestamp.from(now)).setParameter(7, caller.subject())
                .executeUpdate();
        return new NomineeDirectory.Restriction(request.reason().name(), request.note(), now, caller.subject());
    }

    @Transactional
    public void clear(NomineeType type, java.util.UUID id) {
        authorise(type, id);
        em.createNativeQuery("delete from nominee_restriction where nominee_type = ?1 and nominee_id = ?2")
                .setParameter(1, type.name()).setParameter(2, id).executeUpdate();
    }

    private NomineeDirectory.Nominee authorise(NomineeType type, java.util.UUID id) {
        scope.requireRole(Roles.UNIT_OFFICER);
        NomineeDirectory.Nominee nominee = nominees.require(type, id);
        scope.requireBelow(nominee.unitId());
        return nominee;
    }
}
