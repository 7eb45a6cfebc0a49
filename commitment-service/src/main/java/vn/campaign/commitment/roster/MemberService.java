package vn.campaign.commitment.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.text.Texts;
import vn.campaign.commitment.roster.MemberCommands.Changes;
import vn.campaign.commitment.roster.MemberCommands.ImportResult;
import vn.campaign.commitment.roster.MemberCommands.ImportRow;
import vn.campaign.commitment.roster.MemberCommands.NewMember;
import vn.campaign.foundation.commitments.CommitmentEvent;
import vn.campaign.foundation.events.Topics;
import vn.campaign.foundation.outbox.Outbox;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.plans.MemberCategory;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitDirectory;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes to the roster. Every change is written to the member's change log and published as a
 * roster event (the member's whole state) in the same transaction.
 */
@ApplicationScoped
public class MemberService {

    /** Who may read roster entries of their subtree (a member may always read their own). */
    public static final String[] READERS = {Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL};
    /** Who may change roster entries of their subtree. */
    public static final String[] KEEPERS = {Roles.CELL_SECRETARY, Roles.UNIT_OFFICER};
    private static final int IMPORT_CHUNK = 500;
    /** Seconds an import's transaction may take (the default is 60). */
    static final int IMPORT_TIMEOUT_SECONDS = 600;
    private static final String OUT_OF_SCOPE = "the row's unit or member is outside the part of the tree you manage";

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    UnitDirectory directory;

    /** The fields of an entry that change together in one step (the unit aside). */
    record Fields(String fullName, MemberCategory category, boolean leader, String positionTitle,
                  ExemptionCategory exemption, String exemptionReason) {

        static Fields of(Member m) {
            return new Fields(m.fullName, m.category, m.leader, m.positionTitle, m.exemption, m.exemptionReason);
        }
    }

    @Transactional
    public Member create(NewMember command) {
        scope.requireRole(KEEPERS);
        List<UUID> path = scope.requireWithin(command.unitId());
        Fields fields = new Fields(Texts.normalize(command.fullName()), command.category(), Boolean.TRUE.equals(command.leader()),
                Texts.normalize(command.positionTitle()), command.exemption(), Texts.normalize(command.exemptionReason()));
        requireReasonWithExemption(fields);
        String ref = command.externalRef().trim();
        if (Member.count("externalRef", ref) > 0) {
            throw ProblemException.conflict("a member with the external reference " + ref + " is already on the roster");
        }
        Writes writes = new Writes();
        Member member = register(ref, command.unitId(), path, fields, writes);
        writes.write();
        return member;
    }

    @Transactional
    public Member update(UUID id, Changes changes, String ifMatch) {
        Member member = lockManaged(id, ifMatch);
        Fields now = Fields.of(member);
        return changeNow(member, new Fields(
                changes.fullName() == null ? now.fullName() : Texts.normalize(changes.fullName()),
                changes.category() == null ? now.category() : changes.category(),
                changes.leader() == null ? now.leader() : changes.leader(),
                changes.positionTitle() == null ? now.positionTitle() : Texts.normalize(changes.positionTitle()),
                now.exemption(), now.exemptionReason()), member.unitId, null);
    }

    @Transactional
    public Member exempt(UUID id, MemberCommands.Exemption exemption, String ifMatch) {
        Member member = lockManaged(id, ifMatch);
        Fields now = Fields.of(member);
        return changeNow(member, new Fields(now.fullName(), now.category(), now.leader(), now.positionTitle(),
                exemption.category(), Texts.normalize(exemption.reason())), member.unitId, null);
    }

    @Transactional
    public Member liftExemption(UUID id, String ifMatch) {
        Member member = lockManaged(id, ifMatch);
        Fields now = Fields.of(member);
        return changeNow(member, new Fields(now.fullName(), now.category(), now.leader(), now.positionTitle(), null, null), member.unitId, null);
    }

    /** Moves the member to another unit; both units must be in the caller's subtree. The history keeps the old one. */
    @Transactional
    public Member move(UUID id, UUID unitId, String ifMatch) {
        Member member = lockManaged(id, ifMatch);
        List<UUID> path = scope.requireWithin(unitId);
        return changeNow(member, Fields.of(member), unitId, path);
    }

    /**
     * Creates or updates every row by external reference; all or nothing, every row that cannot
     * be applied reported with its line (rows come well-formed from {@link MemberImportParser}).
     * Re-importing the same file changes nothing and publishes nothing; optional columns the file
     * leaves out keep the member's current values. Rows that touch a unit or a roster entry outside
     * the caller's subtree fail the whole import with a 403 (before any 400), each with the same
     * neutral message: it must not tell whether an external reference is on another subtree's
     * roster (that would disclose party membership).
     * <p>
     * A province's import ({@link MemberImportParser#MAX_ROWS} rows at most) may outlast the
     * default transaction timeout, hence its own.
     */
    @Transactional
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    public ImportResult importRows(List<ImportRow> rows) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Problem.FieldError> outOfScope = new ArrayList<>();
        Map<String, UUID> unitsByCode = unitsByCode(rows);
        Map<UUID, Optional<List<UUID>>> paths = new HashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        // in chunks, clearing the session after each: every change flushes (its event carries the
        // new version), and a flush dirty-checks everything managed, so a whole province at once
        // would cost rows x rows. A chunk's new entries, change-log rows and events are written in
        // a JDBC batch each.
        Writes writes = new Writes();
        for (List<ImportRow> chunk : chunks(rows, IMPORT_CHUNK)) {
            Map<String, Member> existing = new HashMap<>();
            Member.<Member>list("externalRef in ?1", chunk.stream().map(r -> r.externalRef().trim()).toList())
                    .forEach(m -> existing.put(m.externalRef, m));
            for (ImportRow row : chunk) {
                String at = "line " + row.line() + ": ";
                UUID unitId = row.unitId() != null ? row.unitId() : unitsByCode.get(row.unitCode().trim().toUpperCase(Locale.ROOT));
                Optional<List<UUID>> path = unitId == null ? Optional.empty() : paths.computeIfAbsent(unitId, directory::pathOf);
                if (path.isEmpty()) {
                    errors.add(new Problem.FieldError(at + (row.unitId() != null ? "unitId" : "unitCode"), "no unit "
                            + (row.unitId() != null ? row.unitId() : row.unitCode()) + " is known here"));
                    continue;
                }
                Member member = existing.get(row.externalRef().trim());
                // the same field and message whether the row's unit or the entry's current unit is
                // out of reach: nothing here may say the reference is on someone else's roster
                if (!scope.covers(path.get()) || member != null && !scope.covers(
                        paths.computeIfAbsent(member.unitId, directory::pathOf).orElse(List.of(member.unitId)))) {
                    outOfScope.add(new Problem.FieldError("line " + row.line(), OUT_OF_SCOPE));
                    continue;
                }
                Fields fields = fields(row, member == null ? null : Fields.of(member));
                if (member == null) {
                    register(row.externalRef().trim(), unitId, path.get(), fields, writes);
                    created++;
                    continue;
                }
                if (change(member, fields, unitId, path.get(), writes)) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            writes.write();
            em.clear();
        }
        if (!outOfScope.isEmpty()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "rows touch units outside the part of the tree you manage", outOfScope);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ImportResult(rows.size(), created, updated, unchanged);
    }

    /**
     * What the row asks for: an optional column it leaves out keeps the current value ({@code now};
     * null for a new member, whose defaults are no leader flag, title or exemption).
     */
    private static Fields fields(ImportRow row, Fields now) {
        boolean leader = row.has(ImportRow.LEADER) ? Boolean.TRUE.equals(row.leader()) : now != null && now.leader();
        String title = row.has(ImportRow.POSITION_TITLE) ? Texts.normalize(row.positionTitle()) : now == null ? null : now.positionTitle();
        // the parser lets exemption and its reason come only together
        boolean exemptionGiven = row.has(ImportRow.EXEMPTION);
        ExemptionCategory exemption = exemptionGiven ? row.exemption() : now == null ? null : now.exemption();
        String reason = exemptionGiven ? Texts.normalize(row.exemptionReason()) : now == null ? null : now.exemptionReason();
        return new Fields(Texts.normalize(row.fullName()), row.category(), leader, title, exemption, reason);
    }

    /** A member the caller may read: their own entry, or one in their subtree with a reading role. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Member get(UUID id) {
        Member member = find(id);
        if (!caller.member().map(member.id::equals).orElse(false)) {
            scope.requireRole(READERS);
            scope.requireWithin(member.unitId);
        }
        return member;
    }

    /** The caller's own roster entry, by the {@code member} claim of their token. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Member me() {
        UUID id = caller.member().orElseThrow(() -> ProblemException.notFound("your token names no member"));
        return find(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Member find(UUID id) {
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("member " + id + " is not on the roster");
        }
        return member;
    }

    // --- the mechanics shared by the operations above

    private Member register(String externalRef, UUID unitId, List<UUID> path, Fields fields, Writes writes) {
        Member member = new Member();
        member.id = TimeOrderedIds.next();
        member.externalRef = externalRef;
        member.unitId = unitId;
        set(member, fields);
        member.createdAt = clock.instant();
        member.createdBy = caller.subject();
        member.updatedAt = member.createdAt;
        member.updatedBy = member.createdBy;
        member.persist();
        Map<String, Map<String, Object>> diff = new LinkedHashMap<>();
        diff(diff, "externalRef", null, externalRef);
        diff(diff, "unitId", null, unitId);
        diff(diff, "fullName", null, fields.fullName());
        diff(diff, "category", null, fields.category());
        diff(diff, "leader", null, fields.leader());
        diff(diff, "positionTitle", null, fields.positionTitle());
        diff(diff, "exemption", null, fields.exemption());
        diff(diff, "exemptionReason", null, fields.exemptionReason());
        writes.log(member, MemberChange.Kind.REGISTERED, null, diff);
        writes.publish(member, CommitmentEvent.MEMBER_REGISTERED, path, null, null);
        return member;
    }

    /** {@link #change}, written at once. */
    private Member changeNow(Member member, Fields target, UUID unitId, List<UUID> unitPath) {
        Writes writes = new Writes();
        change(member, target, unitId, unitPath, writes);
        writes.write();
        return member;
    }

    /** Brings the entry to {@code target} in {@code unitId}; logs and publishes (into {@code writes}) when anything changed. */
    private boolean change(Member member, Fields target, UUID unitId, List<UUID> unitPath, Writes writes) {
        requireReasonWithExemption(target);
        Fields now = Fields.of(member);
        Map<String, Map<String, Object>> diff = new LinkedHashMap<>();
        diff(diff, "unitId", member.unitId, unitId);
        diff(diff, "fullName", now.fullName(), target.fullName());
        diff(diff, "category", now.category(), target.category());
        diff(diff, "leader", now.leader(), target.leader());
        diff(diff, "positionTitle", now.positionTitle(), target.positionTitle());
        diff(diff, "exemption", now.exemption(), target.exemption());
        diff(diff, "exemptionReason", now.exemptionReason(), target.exemptionReason());
        if (diff.isEmpty()) {
            return false;
        }
        UUID previousUnit = member.unitId;
        boolean moved = !previousUnit.equals(unitId);
        List<UUID> previousPath = moved ? directory.pathOf(previousUnit).orElse(List.of(previousUnit)) : null;
        member.unitId = unitId;
        set(member, target);
        member.updatedAt = clock.instant();
        member.updatedBy = caller.subject();
        em.flush(); // the event carries the version the database now holds
        writes.log(member, moved ? MemberChange.Kind.MOVED : MemberChange.Kind.UPDATED, moved ? previousUnit : null, diff);
        List<UUID> path = unitPath != null ? unitPath : directory.pathOf(unitId).orElse(List.of(unitId));
        writes.publish(member, moved ? CommitmentEvent.MEMBER_MOVED : CommitmentEvent.MEMBER_UPDATED, path,
                moved ? previousUnit : null, previousPath);
        return true;
    }

    private Member lockManaged(UUID id, String ifMatch) {
        scope.requireRole(KEEPERS);
        Member member = em.find(Member.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw ProblemException.notFound("member " + id + " is not on the roster");
        }
        scope.requireWithin(member.unitId);
        ETags.requireMatch(ifMatch, member.version);
        return member;
    }

    private static void set(Member member, Fields fields) {
        member.fullName = fields.fullName();
        member.category = fields.category();
        member.leader = fields.leader();
        member.positionTitle = fields.positionTitle();
        member.exemption = fields.exemption();
        member.exemptionReason = fields.exemptionReason();
    }

    /**
     * The change-log rows and roster events of a step, written together once its members are
     * flushed: a JDBC batch each instead of a statement per row (an import writes thousands).
     */
    private final class Writes {

        private final List<Object[]> changes = new ArrayList<>();
        private final List<Outbox.Event> events = new ArrayList<>();

        void log(Member member, MemberChange.Kind kind, UUID previousUnit, Map<String, Map<String, Object>> diff) {
            String text;
            try {
                text = json.writeValueAsString(diff);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("change log not serialisable", e);
            }
            changes.add(new Object[] {member.id, kind.name(), member.unitId, previousUnit, text,
                    OffsetDateTime.ofInstant(member.updatedAt, ZoneOffset.UTC), caller.subject(), caller.name()});
        }

        void publish(Member member, String type, List<UUID> path, UUID previousUnit, List<UUID> previousPath) {
            CommitmentEvent.MemberState state = new CommitmentEvent.MemberState(member.id, member.fullName, member.unitId, path,
                    previousUnit, previousPath, member.category, member.category.template(), member.leader, member.positionTitle,
                    member.exemption, member.version, member.updatedAt, caller.actor());
            events.add(new Outbox.Event(Topics.COMMITMENTS, CommitmentEvent.AGGREGATE_MEMBER, member.id.toString(), type, state));
        }

        /** Flushes the members (the change log refers to them), then writes the rows and events collected so far. */
        void write() {
            em.flush();
            if (!changes.isEmpty()) {
                em.unwrap(Session.class).doWork(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement("""
                            insert into member_change (member_id, kind, unit_id, previous_unit_id, changes, changed_at,
                                                       changed_by, changed_by_name)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                        for (Object[] row : changes) {
                            for (int i = 0; i < row.length; i++) {
                                insert.setObject(i + 1, row[i]);
                            }
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                });
                changes.clear();
            }
            outbox.publishAll(events);
            events.clear();
        }
    }

    private static void diff(Map<String, Map<String, Object>> diff, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            diff.put(field, change);
        }
    }

    private static void requireReasonWithExemption(Fields fields) {
        if (fields.exemption() != null && fields.exemptionReason() == null) {
            throw ProblemException.invalid("exemptionReason", "is required with an exemption");
        }
        if (fields.exemption() == null && fields.exemptionReason() != null) {
            throw ProblemException.invalid("exemption", "is required with an exemption reason");
        }
    }

    private Map<String, UUID> unitsByCode(List<ImportRow> rows) {
        List<String> codes = rows.stream().map(ImportRow::unitCode).filter(Objects::nonNull)
                .map(c -> c.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        Map<String, UUID> units = new HashMap<>();
        for (List<String> chunk : chunks(codes, 1000)) {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("select upper(code), id from org_unit_replica where upper(code) in (:codes)")
                    .setParameter("codes", chunk).getResultList();
            found.forEach(r -> units.put((String) r[0], (UUID) r[1]));
        }
        return units;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }
}
