package vn.campaign.commitment.commitments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.campaign.foundation.commitments.CommitmentEvent;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.events.Topics;
import vn.campaign.foundation.outbox.Outbox;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.UnitDirectory;

import java.util.List;
import java.util.UUID;

/**
 * Publishes commitment events through the outbox, in the caller's transaction, keyed by
 * commitment id. Each carries the unit path as the replicated tree holds it now, so consumers
 * roll up without calling back.
 */
@ApplicationScoped
public class CommitmentEvents {

    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    UnitDirectory directory;

    public void transition(Commitment c, String type, CommitmentStatus previousStatus, boolean resubmission) {
        CommitmentEvent.CommitmentState state = new CommitmentEvent.CommitmentState(c.id, c.member.id, c.unitId, pathOf(c.unitId),
                c.year, c.planId, c.topicId, c.template, c.leader, c.status, previousStatus, resubmission, c.late, c.dueOn,
                c.submittedAt, c.onBehalfBy != null, c.actions.size(), c.score, c.rating, c.version, c.updatedAt, caller.actor());
        publish(c, type, state);
    }

    public void checkedIn(Commitment c, CheckIn checkIn) {
        publish(c, CommitmentEvent.CHECKED_IN, new CommitmentEvent.CheckInRecorded(c.id, checkIn.id, c.member.id, c.unitId,
                pathOf(c.unitId), c.year, c.planId, c.leader, checkIn.action, checkIn.period, checkIn.percent, checkIn.createdAt,
                caller.actor()));
    }

    public void praised(Commitment c, CheckIn checkIn) {
        publish(c, CommitmentEvent.PRAISED, new CommitmentEvent.Praised(c.id, checkIn.id, c.member.id, c.unitId, pathOf(c.unitId),
                c.year, c.planId, c.topicId, c.leader, checkIn.action, checkIn.period, checkIn.cellComment, checkIn.praisedAt,
                caller.actor()));
    }

    private void publish(Commitment c, String type, Object payload) {
        outbox.publish(Topics.COMMITMENTS, CommitmentEvent.AGGREGATE_COMMITMENT, c.id.toString(), type, payload);
    }

    private List<UUID> pathOf(UUID unitId) {
        return directory.pathOf(unitId).orElse(List.of(unitId));
    }
}
