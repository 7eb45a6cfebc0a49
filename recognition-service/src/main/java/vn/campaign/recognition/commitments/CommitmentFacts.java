package vn.campaign.recognition.commitments;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.commitments.CommitmentEvent;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.events.PoisonEventException;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.recognition.award.AwardService;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What recognition needs from commitment-service's events: member names and units (roster),
 * commitments with their year-end rating (candidates, evidence), check-ins (evidence), and
 * praises at cell meetings, which become PRAISE_AT_MEETING awards. Other event types are ignored.
 */
@ApplicationScoped
public class CommitmentFacts {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    AwardService awards;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case CommitmentEvent.MEMBER_REGISTERED, CommitmentEvent.MEMBER_UPDATED, CommitmentEvent.MEMBER_MOVED ->
                    member(event.data(json, CommitmentEvent.MemberState.class));
            case CommitmentEvent.CREATED, CommitmentEvent.SUBMITTED, CommitmentEvent.APPROVED, CommitmentEvent.RETURNED,
                 CommitmentEvent.SELF_ASSESSED, CommitmentEvent.EVALUATED -> commitment(event.data(json, CommitmentEvent.CommitmentState.class));
            case CommitmentEvent.CHECKED_IN -> checkIn(event.data(json, CommitmentEvent.CheckInRecorded.class));
            case CommitmentEvent.PRAISED -> {
                CommitmentEvent.Praised praise = event.data(json, CommitmentEvent.Praised.class);
                require(praise.memberId() != null && praise.unitId() != null && validPath(praise.unitPath(), praise.unitId()), event,
                        "memberId, unitId and a unitPath ending in the unit");
                awards.recordPraise(praise);
            }
            default -> {
                // not needed here
            }
        }
    }

    private void member(CommitmentEvent.MemberState m) {
        require(m.memberId() != null && m.fullName() != null && m.unitId() != null && validPath(m.unitPath(), m.unitId()), null,
                "memberId, fullName, unitId and a unitPath ending in the unit");
        em.createNativeQuery("""
                        insert into member_replica (member_id, full_name, unit_id, unit_path, version, updated_at)
                        values (?1, ?2, ?3, cast(?4 as ltree), ?5, now())
                        on conflict (member_id) do update set full_name = excluded.full_name, unit_id = excluded.unit_id,
                            unit_path = excluded.unit_path, version = excluded.version, updated_at = now()
                        where member_replica.version <= excluded.version""")
                .setParameter(1, m.memberId()).setParameter(2, m.fullName()).setParameter(3, m.unitId())
                .setParameter(4, UnitPaths.toLtree(m.unitPath())).setParameter(5, m.version())
                .executeUpdate();
        // a praise can arrive before the roster entry (other key, other partition): name it now
        em.createNativeQuery("""
                        update award set recipients = jsonb_set(recipients, '{0,name}', to_jsonb(cast(?2 as text)))
                        where origin = 'MEETING_PRAISE' and recipients -> 0 ->> 'nomineeId' = ?1
                          and recipients -> 0 ->> 'name' = 'member ' || ?1""")
                .setParameter(1, m.memberId().toString()).setParameter(2, m.fullName())
                .executeUpdate();
    }

    private void commitment(CommitmentEvent.CommitmentState c) {
        require(c.commitmentId() != null && c.memberId() != null && c.unitId() != null && c.status() != null
                && validPath(c.unitPath(), c.unitId()), null, "commitmentId, memberId, status, unitId and a unitPath ending in the unit");
        em.createNativeQuery("""
                        insert into member_commitment (commitment_id, member_id, unit_id, unit_path, year, plan_id, topic_id, status,
                                                       score, rating, version, changed_at)
                        values (?1, ?2, ?3, cast(?4 as ltree), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                        on conflict (commitment_id) do update set member_id = excluded.member_id, unit_id = excluded.unit_id,
                            unit_path = excluded.unit_path, year = excluded.year, plan_id = excluded.plan_id, topic_id = excluded.topic_id,
                            status = excluded.status, score = excluded.score, rating = excluded.rating, version = excluded.version,
                            changed_at = excluded.changed_at
                        where member_commitment.version <= excluded.version""")
                .setParameter(1, c.commitmentId()).setParameter(2, c.memberId()).setParameter(3, c.unitId())
                .setParameter(4, UnitPaths.toLtree(c.unitPath())).setParameter(5, c.year()).setParameter(6, c.planId())
                .setParameter(7, c.topicId()).setParameter(8, c.status().name()).setParameter(9, c.score())
                .setParameter(10, c.rating() == null ? null : c.rating().name()).setParameter(11, c.version())
                .setParameter(12, Timestamp.from(c.changedAt() == null ? Instant.now() : c.changedAt()))
                .executeUpdate();
    }

    private void checkIn(CommitmentEvent.CheckInRecorded c) {
        require(c.checkInId() != null && c.commitmentId() != null && c.memberId() != null, null, "checkInId, commitmentId and memberId");
        em.createNativeQuery("""
                        insert into member_check_in (check_in_id, commitment_id, member_id, year, action, period, percent, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (check_in_id) do update set percent = excluded.percent, period = excluded.period,
                            recorded_at = excluded.recorded_at""")
                .setParameter(1, c.checkInId()).setParameter(2, c.commitmentId()).setParameter(3, c.memberId())
                .setParameter(4, c.year()).setParameter(5, c.action()).setParameter(6, c.period()).setParameter(7, c.percent())
                .setParameter(8, Timestamp.from(c.recordedAt() == null ? Instant.now() : c.recordedAt()))
                .executeUpdate();
    }

    private static boolean validPath(List<UUID> path, UUID unit) {
        return path != null && !path.isEmpty() && path.get(path.size() - 1).equals(unit);
    }

    private static void require(boolean ok, EventEnvelope event, String what) {
        if (!ok) {
            throw new PoisonEventException((event == null ? "event" : "event " + event.id()) + " lacks " + what);
        }
    }
}
