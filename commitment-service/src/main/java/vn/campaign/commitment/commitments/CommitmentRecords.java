package vn.campaign.commitment.commitments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import vn.campaign.commitment.roster.Member;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.commitments.Rating;
import vn.campaign.foundation.plans.CommitmentTemplate;
import vn.campaign.foundation.plans.MemberCategory;
import vn.campaign.foundation.web.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The commitment's rows in plain SQL, on the request's own connection and transaction, for the
 * busiest write of the campaign: the submit (every member, within the plan's window). Through
 * Hibernate a submit loaded the commitment, its member and its actions into the persistence
 * context, dirty-checked them and flushed the update: Hibernate was in about half of the request
 * threads' samples in a profile under submit load. Here it is one locking read of the commitment
 * with its member (for no key update, as Hibernate locks on PostgreSQL), one read of the actions
 * and one update of the columns a submission changes.
 * <p>
 * What {@link #lock} returns is detached: a copy to check the rules on, change and write back
 * with {@link #writeSubmission}, never managed by the session. The history rows of every step
 * are written here too ({@link #history}), after the step's own change has been flushed.
 */
@ApplicationScoped
public class CommitmentRecords {

    private static final String LOCK = """
            select c.member_id, c.plan_id, c.year, c.topic_id, c.unit_id, c.template, c.leader, c.status,
                   c.study_content, c.self_cultivation, c.exemplary_duties, c.due_on, c.submitted_at,
                   c.last_submitted_at, c.late, c.submission_count, c.cell_comment, c.self_assessment, c.self_score,
                   c.self_assessed_at, c.score, c.rating, c.evaluation_comment, c.evaluated_at, c.evaluated_by,
                   c.on_behalf_by, c.version, c.created_at, c.created_by, c.updated_at, c.updated_by,
                   m.full_name, m.unit_id, m.category, m.leader
            from commitment c join member m on m.id = c.member_id
            where c.id = ?
            for no key update of c""";

    private static final String ACTIONS = """
            select what, target, deadline from commitment_action where commitment_id = ? order by position""";

    private static final String WRITE_SUBMISSION = """
            update commitment set status = ?, submitted_at = ?, due_on = ?, late = ?, last_submitted_at = ?,
                                  submission_count = ?, leader = ?, updated_at = ?, updated_by = ?, version = ?
            where id = ? and version = ?""";

    private static final String HISTORY = """
            insert into commitment_history (commitment_id, action, from_status, to_status, comment, at, actor, actor_name)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    EntityManager em;

    /**
     * The commitment with its member and actions, its row locked until the transaction ends (as
     * {@code PESSIMISTIC_WRITE} locks it); null when there is none. The member is a partial copy:
     * id, name, unit, category and leader.
     */
    public Commitment lock(UUID id) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Commitment c = read(connection, id);
            if (c != null) {
                readActions(connection, c);
            }
            return c;
        });
    }

    /**
     * Writes what a submission changes (status, submission times, due date, lateness, count,
     * leader, last change) and the next version, which {@code c} then carries.
     */
    public void writeSubmission(Commitment c) {
        long next = c.version + 1;
        int updated = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(WRITE_SUBMISSION)) {
                update.setString(1, c.status.name());
                setTimestamp(update, 2, c.submittedAt);
                update.setObject(3, c.dueOn, Types.DATE);
                update.setBoolean(4, c.late);
                setTimestamp(update, 5, c.lastSubmittedAt);
                update.setInt(6, c.submissionCount);
                update.setBoolean(7, c.leader);
                setTimestamp(update, 8, c.updatedAt);
                update.setString(9, c.updatedBy);
                update.setLong(10, next);
                update.setObject(11, c.id);
                update.setLong(12, c.version);
                return update.executeUpdate();
            }
        });
        if (updated != 1) {
            // lock() holds the row, so only a caller that did not take the lock gets here
            throw ProblemException.conflict("commitment " + c.id + " was changed meanwhile (it is no longer version "
                    + c.version + "); read it again");
        }
        c.version = next;
    }

    /** One line of the commitment's history; the commitment's own row must be written (flushed) first. */
    public void history(UUID commitmentId, String action, CommitmentStatus from, CommitmentStatus to, String comment, Instant at,
                        String actor, String actorName) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(HISTORY)) {
                insert.setObject(1, commitmentId);
                insert.setString(2, action);
                insert.setString(3, from == null ? null : from.name());
                insert.setString(4, to.name());
                insert.setString(5, comment);
                setTimestamp(insert, 6, at);
                insert.setString(7, actor);
                insert.setString(8, actorName);
                insert.executeUpdate();
            }
        });
    }

    private static Commitment read(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setObject(1, id);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Commitment c = new Commitment();
                c.id = id;
                Member m = new Member();
                m.id = r.getObject(1, UUID.class);
                c.member = m;
                c.planId = r.getObject(2, UUID.class);
                c.year = r.getInt(3);
                c.topicId = r.getObject(4, UUID.class);
                c.unitId = r.getObject(5, UUID.class);
                c.template = CommitmentTemplate.valueOf(r.getString(6));
                c.leader = r.getBoolean(7);
                c.status = CommitmentStatus.valueOf(r.getString(8));
                c.studyContent = r.getString(9);
                c.selfCultivation = r.getString(10);
                c.exemplaryDuties = r.getString(11);
                c.dueOn = r.getObject(12, LocalDate.class);
                c.submittedAt = instant(r, 13);
                c.lastSubmittedAt = instant(r, 14);
                c.late = r.getBoolean(15);
                c.submissionCount = r.getInt(16);
                c.cellComment = r.getString(17);
                c.selfAssessment = r.getString(18);
                c.selfScore = r.getObject(19, Integer.class);
                c.selfAssessedAt = instant(r, 20);
                c.score = r.getObject(21, Integer.class);
                String rating = r.getString(22);
                c.rating = rating == null ? null : Rating.valueOf(rating);
                c.evaluationComment = r.getString(23);
                c.evaluatedAt = instant(r, 24);
                c.evaluatedBy = r.getString(25);
                c.onBehalfBy = r.getString(26);
                c.version = r.getLong(27);
                c.createdAt = instant(r, 28);
                c.createdBy = r.getString(29);
                c.updatedAt = instant(r, 30);
                c.updatedBy = r.getString(31);
                m.fullName = r.getString(32);
                m.unitId = r.getObject(33, UUID.class);
                m.category = MemberCategory.valueOf(r.getString(34));
                m.leader = r.getBoolean(35);
                return c;
            }
        }
    }

    private static void readActions(Connection connection, Commitment c) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ACTIONS)) {
            select.setObject(1, c.id);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    c.actions.add(new ConcreteAction(r.getString(1), r.getString(2), r.getObject(3, LocalDate.class)));
                }
            }
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
