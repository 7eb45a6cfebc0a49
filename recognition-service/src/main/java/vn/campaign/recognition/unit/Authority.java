package vn.campaign.recognition.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.recognition.config.AuthorityConfig;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Applies {@link AuthorityConfig} to units of the replicated tree. */
@ApplicationScoped
public class Authority {

    @Inject
    AuthorityConfig config;
    @Inject
    EntityManager em;

    /** The greatest form a unit at {@code depth} (root = 1) of {@code kind} may grant; empty if none. */
    public Optional<RecognitionForm> highestForm(int depth, OrgUnitKind kind) {
        if (config.nationalMeritDepths().contains(depth)) {
            return Optional.of(RecognitionForm.NATIONAL_MERIT);
        }
        if (config.provincialMeritDepths().contains(depth)) {
            return Optional.of(RecognitionForm.PROVINCIAL_MERIT);
        }
        int shallowestCertificate = config.certificateDepths().isEmpty() ? Integer.MAX_VALUE : Collections.min(config.certificateDepths());
        if (config.certificateDepths().contains(depth) || (depth >= shallowestCertificate && config.certificateKinds().contains(kind))) {
            return Optional.of(RecognitionForm.CERTIFICATE);
        }
        if (depth >= config.praiseFromDepth()) {
            return Optional.of(RecognitionForm.PRAISE_AT_MEETING);
        }
        return Optional.empty();
    }

    /** True when the unit at {@code path} may grant {@code form} (or a greater one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayGrant(List<UUID> path, RecognitionForm form) {
        return highestForm(path.size(), kindOf(path.get(path.size() - 1))).map(form::atMost).orElse(false);
    }

    /** The nearest unit on {@code path} (itself first, then up) that may grant {@code form}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> decidingUnit(List<UUID> path, RecognitionForm form) {
        for (int depth = path.size(); depth >= 1; depth--) {
            if (mayGrant(path.subList(0, depth), form)) {
                return Optional.of(path.get(depth - 1));
            }
        }
        return Optional.empty();
    }

    /**
     * True when {@code type} is COLLECTIVE and the nominee unit at {@code nomineePath} does not lie
     * strictly below the unit at {@code unitPath} (it is that unit itself): a unit's own collective
     * commendation is decided and granted by a unit above it, never by itself.
     */
    public static boolean ownCollective(NomineeType type, List<UUID> nomineePath, List<UUID> unitPath) {
        return type == NomineeType.COLLECTIVE && !(nomineePath.size() > unitPath.size() && UnitPaths.within(nomineePath, unitPath));
    }

    private OrgUnitKind kindOf(UUID unit) {
        @SuppressWarnings("unchecked")
        List<String> kinds = em.createNativeQuery("select kind from org_unit_replica where id = ?1").setParameter(1, unit).getResultList();
        return kinds.isEmpty() ? OrgUnitKind.OTHER : OrgUnitKind.valueOf(kinds.get(0));
    }

    /** The unit's name in the replica (or its id when not replicated yet). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String nameOf(UUID unit) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from org_unit_replica where id = ?1").setParameter(1, unit).getResultList();
        return names.isEmpty() ? unit.toString() : names.get(0);
    }

    public static String ltree(List<UUID> path) {
        return UnitPaths.toLtree(path);
    }
}
