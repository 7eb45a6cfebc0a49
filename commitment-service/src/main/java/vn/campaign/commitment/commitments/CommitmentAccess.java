package vn.campaign.commitment.commitments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.campaign.commitment.commitments.CommitmentWorkflow.Party;
import vn.campaign.commitment.roster.Member;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitDirectory;
import vn.campaign.foundation.web.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * Who the caller is to a commitment. The member is whoever's token carries the commitment's
 * member id in its {@code member} claim; the cell is a {@code cell-secretary} whose subtree holds
 * the unit the commitment was written in or the member's unit now (a moved member's new cell
 * takes over). Reading is also open to unit officers and the commendation council of the subtree.
 */
@ApplicationScoped
public class CommitmentAccess {

    public static final String[] READERS = {Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL};

    @Inject
    Caller caller;
    @Inject
    Scope scope;
    @Inject
    UnitDirectory directory;

    /** The party the caller acts as for a commitment of {@code member} written in {@code unitId}; null when neither. */
    public Party partyFor(Member member, UUID unitId) {
        if (isSelf(member.id)) {
            return Party.MEMBER;
        }
        if ((caller.isAdmin() || caller.hasAnyRole(Roles.CELL_SECRETARY)) && (covers(unitId) || covers(member.unitId))) {
            return Party.CELL;
        }
        return null;
    }

    public Party partyFor(Commitment commitment) {
        return partyFor(commitment.member, commitment.unitId);
    }

    public void requireRead(Commitment commitment) {
        if (isSelf(commitment.member.id)) {
            return;
        }
        scope.requireRole(READERS);
        if (!covers(commitment.unitId) && !covers(commitment.member.unitId)) {
            throw ProblemException.forbidden("commitment " + commitment.id + " belongs to a unit outside your organisation's subtree");
        }
    }

    public boolean isSelf(UUID memberId) {
        return caller.member().map(memberId::equals).orElse(false);
    }

    private boolean covers(UUID unitId) {
        List<UUID> path = directory.pathOf(unitId).orElse(List.of(unitId));
        return scope.covers(path);
    }
}
