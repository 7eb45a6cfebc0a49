package vn.campaign.plan.orgtree;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.events.Topics;
import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.orgtree.OrgUnitSnapshot;
import vn.campaign.foundation.outbox.Outbox;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.text.Texts;
import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.plan.orgtree.OrgUnitCommands.Close;
import vn.campaign.plan.orgtree.OrgUnitCommands.ImportResult;
import vn.campaign.plan.orgtree.OrgUnitCommands.ImportRow;
import vn.campaign.plan.orgtree.OrgUnitCommands.Merge;
import vn.campaign.plan.orgtree.OrgUnitCommands.NewUnit;
import vn.campaign.plan.orgtree.OrgUnitCommands.UnitChanges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Changes to the organisation tree. Every change publishes the full snapshot of each unit it
 * touched to the org-units topic, in the same transaction (outbox).
 */
@ApplicationScoped
public class OrgUnitService {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Scope scope;
    @Inject
    Caller caller;

    @Transactional
    public OrgUnit create(NewUnit command) {
        lockTree();
        OrgUnit parent = parentForNewUnit(command.parentId(), "parentId");
        requireFreeCode(command.code());
        OrgUnit unit = newUnit(command, parent);
        publish(unit, OrgUnitSnapshot.CREATED);
        return unit;
    }

    @Transactional
    public OrgUnit update(UUID id, UnitChanges changes, String ifMatch) {
        lockTree();
        scope.requireWithin(id);
        OrgUnit unit = lock(id);
        vn.campaign.foundation.web.ETags.requireMatch(ifMatch, unit.version);
        boolean changed = false;
        if (changes.name() != null && !normalize(changes.name()).equals(unit.name)) {
            unit.name = normalize(changes.name());
            changed = true;
        }
        if (changes.kind() != null && changes.kind() != unit.kind) {
            unit.kind = changes.kind();
            changed = true;
        }
        if (changed) {
            touch(unit);
            publish(unit, OrgUnitSnapshot.UPDATED);
        }
        return unit;
    }

    @Transactional
    public OrgUnit move(UUID id, UUID newParentId, String ifMatch) {
        lockTree();
        scope.requireBelow(id);
        OrgUnit unit = lock(id);
        vn.campaign.foundation.web.ETags.requireMatch(ifMatch, unit.version);
        OrgUnit parent = requireOpenParent(newParentId);
        moveUnder(unit, parent);
        return unit;
    }

    @Transactional
    public OrgUnit close(UUID id, Close command, String ifMatch) {
        lockTree();
        scope.requireBelow(id);
        OrgUnit unit = lock(id);
        vn.campaign.foundation.web.ETags.requireMatch(ifMatch, unit.version);
        LocalDate closedOn = command == null || command.validTo() == null ? CampaignDates.today() : command.validTo();
        closeUnit(unit, closedOn, null);
        return unit;
    }

    /** Closes the sources, moves their open children under the successor and links predecessors. */
    @Transactional
    public OrgUnit merge(Merge command) {
        lockTree();
        if (command.effectiveDate().isAfter(CampaignDates.today())) {
            throw ProblemException.invalid("effectiveDate", "record a merge on or after the day it takes effect");
        }
        if ((command.successorId() == null) == (command.newSuccessor() == null)) {
            throw ProblemException.invalid("successorId", "give exactly one of successorId and newSuccessor");
        }
        Set<UUID> sourceIds = new LinkedHashSet<>(command.sourceIds());
        if (sourceIds.size() != command.sourceIds().size()) {
            throw ProblemException.invalid("sourceIds", "must not repeat a unit");
        }
        List<OrgUnit> sources = new ArrayList<>();
        for (UUID sourceId : sourceIds) {
            scope.requireBelow(sourceId);
            OrgUnit source = lock(sourceId);
            if (!source.isOpenOn(command.effectiveDate())) {
                throw ProblemException.conflict("unit " + source.code + " is already closed");
            }
            sources.add(source);
        }
        OrgUnit successor;
        if (command.successorId() != null) {
            if (sourceIds.contains(command.successorId())) {
                throw ProblemException.invalid("successorId", "must not be one of the sources");
            }
            scope.requireWithin(command.successorId());
            successor = lock(command.successorId());
            if (!successor.isOpenOn(command.effectiveDate())) {
                throw ProblemException.conflict("the successor " + successor.code + " is closed");
            }
        } else {
            NewUnit spec = command.newSuccessor();
            OrgUnit parent = parentForNewUnit(spec.parentId(), "newSuccessor.parentId");
            requireFreeCode(spec.code());
            successor = newUnit(new NewUnit(spec.code(), spec.name(), spec.kind(), spec.parentId(),
                    spec.validFrom() == null ? command.effectiveDate() : spec.validFrom()), parent);
        }
        for (OrgUnit source : sources) {
            if (UnitPaths.within(successor.pathIds(), source.pathIds())) {
                throw ProblemException.conflict("the successor lies inside the source " + source.code);
            }
        }
        for (OrgUnit source : sources) {
            for (OrgUnit child : openChildren(source.id, command.effectiveDate())) {
                moveUnder(child, successor);
            }
            if (!successor.predecessorIds.contains(source.id)) {
                successor.predecessorIds = new ArrayList<>(successor.predecessorIds);
                successor.predecessorIds.add(source.id);
            }
            closeUnit(source, command.effectiveDate(), successor.id);
        }
        touch(successor);
        publish(successor, OrgUnitSnapshot.MERGED);
        return successor;
    }

    /**
     * Creates or updates every row, by code; all or nothing. Rows may name parents that come
     * later in the file or already exist. Re-importing the same file changes nothing.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600) // a whole province's tree in one all-or-nothing transaction
    public ImportResult importRows(List<ImportRow> rows) {
        lockTree();
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, ImportRow> byCode = new HashMap<>();
        for (ImportRow row : rows) {
            validate(row, errors);
            if (row.code() != null && byCode.putIfAbsent(key(row.code()), row) != null) {
                errors.add(new Problem.FieldError("line " + row.line() + ": code", "repeats the code of line " + byCode.get(key(row.code())).line()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, OrgUnit> existing = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(allCodes(rows)), 1000)) {
            OrgUnit.<OrgUnit>list("upper(code) in ?1", chunk).forEach(u -> existing.put(key(u.code), u));
        }
        List<ImportRow> ordered = parentsFirst(rows, byCode, existing, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        // snapshots are written after one flush at the end: flushing per row would re-check every loaded unit each time
        List<Object[]> deferred = new ArrayList<>();
        List<Problem.FieldError> outOfScope = new ArrayList<>();
        for (ImportRow row : ordered) {
            OrgUnit parent = row.parentCode() == null ? null : existing.get(key(row.parentCode()));
            String parentField = "line " + row.line() + ": parentCode";
            OrgUnit unit = existing.get(key(row.code()));
            if (unit != null && !scope.covers(unit.pathIds()) && !UnitPaths.within(scope.callerPath(), unit.pathIds())) {
                outOfScope.add(new Problem.FieldError("line " + row.line() + ": code", "code " + row.code() + " is taken outside your organisation's subtree"));
                continue;
            }
            if (unit != null && sameAs(unit, row, parent)) {
                unchanged++;
                continue;
            }
            if (parent == null && (unit == null || unit.parentId != null) && !scope.isAdmin()) {
                errors.add(new Problem.FieldError(parentField, "is required: only an admin may import a root unit"));
                continue;
            }
            if (parent != null && !scope.covers(parent.pathIds())) {
                outOfScope.add(new Problem.FieldError(parentField, "unit " + parent.code + " is outside your organisation's subtree"));
                continue;
            }
            if (parent != null && parent.isClosedOn(CampaignDates.today())) {
                errors.add(new Problem.FieldError(parentField, "unit " + parent.code + " is closed"));
                continue;
            }
            if (unit == null) {
                unit = newUnit(new NewUnit(row.code(), row.name(), row.kind(), parent == null ? null : parent.id, row.validFrom()), parent);
                existing.put(key(unit.code), unit);
                deferred.add(new Object[]{unit, OrgUnitSnapshot.CREATED});
                created++;
                continue;
            }
            boolean manageable = scope.isAdmin()
                    || (scope.covers(unit.pathIds()) && unit.pathIds().size() > scope.callerPath().size());
            if (!manageable) {
                outOfScope.add(new Problem.FieldError("line " + row.line() + ": code", "unit " + unit.code + " exists outside the part of the tree you manage"));
                continue;
            }
            if (!unit.name.equals(normalize(row.name())) || unit.kind != row.kind()) {
                unit.name = normalize(row.name());
                unit.kind = row.kind();
                touch(unit);
                deferred.add(new Object[]{unit, OrgUnitSnapshot.UPDATED});
            }
            if (!java.util.Objects.equals(unit.parentId, parent == null ? null : parent.id)) {
                if (parent == null) {
                    errors.add(new Problem.FieldError(parentField, "unit " + unit.code + " has a parent; an import cannot make it a root"));
                    continue;
                }
                moveUnder(unit, parent);
            }
            updated++;
        }
        if (!outOfScope.isEmpty()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "rows touch units outside the part of the tree you manage", outOfScope);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        em.flush();
        outbox.publishAll(deferred.stream().map(change -> snapshotEvent((OrgUnit) change[0], (String) change[1])).toList());
        return new ImportResult(rows.size(), created, updated, unchanged);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnit get(UUID id) {
        return Optional.ofNullable(OrgUnit.<OrgUnit>findById(id))
                .orElseThrow(() -> ProblemException.notFound("unit " + id + " does not exist"));
    }

    // --- the mechanics shared by the operations above

    private OrgUnit newUnit(NewUnit command, OrgUnit parent) {
        LocalDate validFrom = command.validFrom() == null ? CampaignDates.today() : command.validFrom();
        if (parent != null && validFrom.isBefore(parent.validFrom)) {
            throw ProblemException.invalid("validFrom", "must not be before the parent's validFrom " + parent.validFrom);
        }
        OrgUnit unit = new OrgUnit();
        unit.id = TimeOrderedIds.next();
        unit.code = command.code().trim();
        unit.name = normalize(command.name());
        unit.kind = command.kind();
        unit.parentId = parent == null ? null : parent.id;
        unit.path = parent == null ? UnitPaths.label(unit.id) : parent.path + "." + UnitPaths.label(unit.id);
        unit.validFrom = validFrom;
        unit.createdAt = Instant.now();
        unit.createdBy = caller.subject();
        unit.updatedAt = unit.createdAt;
        unit.updatedBy = unit.createdBy;
        unit.persist();
        return unit;
    }

    private void moveUnder(OrgUnit unit, OrgUnit parent) {
        if (UnitPaths.within(parent.pathIds(), unit.pathIds())) {
            throw ProblemException.conflict("a unit cannot be moved under itself or one of its descendants");
        }
        if (!scope.covers(parent.pathIds())) {
            throw ProblemException.forbidden("unit " + parent.id + " is outside your organisation's subtree");
        }
        if (parent.id.equals(unit.parentId)) {
            return;
        }
        em.flush();
        String oldPath = unit.path;
        String newPath = parent.path + "." + UnitPaths.label(unit.id);
        // One statement re-roots the whole subtree; every unit in it gets a new version and a snapshot.
        @SuppressWarnings("unchecked")
        List<UUID> moved = em.createNativeQuery("""
                        update org_unit set path = case when path = cast(?2 as ltree) then cast(?1 as ltree)
                                   else cast(?1 as ltree) || subpath(path, nlevel(cast(?2 as ltree))) end,
                               version = version + 1, updated_at = ?3, updated_by = ?4
                        where path <@ cast(?2 as ltree) returning id""")
                .setParameter(1, newPath).setParameter(2, oldPath)
                .setParameter(3, java.sql.Timestamp.from(Instant.now())).setParameter(4, caller.subject())
                .getResultList();
        em.createNativeQuery("update org_unit set parent_id = ?1 where id = ?2")
                .setParameter(1, parent.id).setParameter(2, unit.id).executeUpdate();
        // the statements above changed only the database: each unit is read back as it now stands,
        // and the snapshots go out together (a flush per unit would dirty-check the whole session
        // once for every unit of the subtree)
        List<Outbox.Event> snapshots = new ArrayList<>(moved.size());
        for (UUID id : moved) {
            OrgUnit changed = em.find(OrgUnit.class, id);
            em.refresh(changed);
            snapshots.add(snapshotEvent(changed, OrgUnitSnapshot.MOVED));
        }
        outbox.publishAll(snapshots);
    }

    private void closeUnit(OrgUnit unit, LocalDate closedOn, UUID successorId) {
        if (unit.validTo != null) {
            throw ProblemException.conflict("unit " + unit.code + " is already closed (since " + unit.validTo + ")");
        }
        if (closedOn.isBefore(unit.validFrom)) {
            throw ProblemException.invalid("validTo", "must not be before the unit's validFrom " + unit.validFrom);
        }
        if (successorId == null && !openChildren(unit.id, closedOn).isEmpty()) {
            throw ProblemException.conflict("unit " + unit.code + " still has open units under it: close, move or merge them first");
        }
        unit.validTo = closedOn;
        unit.successorId = successorId;
        touch(unit);
        publish(unit, OrgUnitSnapshot.CLOSED);
    }

    private List<OrgUnit> openChildren(UUID parentId, LocalDate on) {
        return OrgUnit.list("parentId = ?1 and (validTo is null or validTo > ?2)", parentId, on);
    }

    private OrgUnit requireOpenParent(UUID parentId) {
        scope.requireWithin(parentId);
        OrgUnit parent = get(parentId);
        if (parent.isClosedOn(CampaignDates.today())) {
            throw ProblemException.conflict("unit " + parent.code + " is closed; choose an open parent");
        }
        return parent;
    }

    private OrgUnit lock(UUID id) {
        return Optional.ofNullable(em.find(OrgUnit.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("unit " + id + " does not exist"));
    }

    /**
     * Tree changes are serialised: they rewrite paths of whole subtrees, and two of them running
     * side by side could leave a unit with a stale path or make a cycle. They are rare; reads never wait.
     */
    private void lockTree() {
        em.createNativeQuery("select pg_advisory_xact_lock(7301001)").getSingleResult();
    }

    private OrgUnit parentForNewUnit(UUID parentId, String field) {
        if (parentId == null) {
            if (!scope.isAdmin()) {
                throw ProblemException.invalid(field, "is required: only an admin may create a root unit");
            }
            return null;
        }
        return requireOpenParent(parentId);
    }

    private void requireFreeCode(String code) {
        if (OrgUnit.count("upper(code) = ?1", key(code)) > 0) {
            throw ProblemException.conflict("a unit with code " + code.trim() + " already exists");
        }
    }

    private void touch(OrgUnit unit) {
        unit.updatedAt = Instant.now();
        unit.updatedBy = caller.subject();
    }

    private void publish(OrgUnit unit, String type) {
        em.flush(); // the snapshot carries the version the database now holds
        outbox.publishAll(List.of(snapshotEvent(unit, type)));
    }

    /** The unit's snapshot event; the unit must be flushed (the snapshot carries its version). */
    private Outbox.Event snapshotEvent(OrgUnit unit, String type) {
        OrgUnitSnapshot snapshot = new OrgUnitSnapshot(unit.id, unit.code, unit.name, unit.kind, unit.parentId,
                unit.pathIds(), unit.validFrom, unit.validTo, List.copyOf(unit.predecessorIds), unit.successorId,
                unit.version, caller.actor());
        return new Outbox.Event(Topics.ORG_UNITS, "org-unit", unit.id.toString(), type, snapshot);
    }

    private void validate(ImportRow row, List<Problem.FieldError> errors) {
        String at = "line " + row.line() + ": ";
        if (row.code() == null || !row.code().trim().matches(OrgUnitCommands.CODE_PATTERN)) {
            errors.add(new Problem.FieldError(at + "code", OrgUnitCommands.CODE_MESSAGE));
        }
        if (row.name() == null || row.name().isBlank() || row.name().length() > 300 || row.name().chars().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError(at + "name", "must be 1-300 characters, without control characters"));
        }
        if (row.parentCode() != null && !row.parentCode().trim().matches(OrgUnitCommands.CODE_PATTERN)) {
            errors.add(new Problem.FieldError(at + "parentCode", OrgUnitCommands.CODE_MESSAGE));
        }
        if (row.kind() == null) {
            errors.add(new Problem.FieldError(at + "kind", "is required"));
        }
        if (row.parentCode() != null && row.code() != null && key(row.parentCode()).equals(key(row.code()))) {
            errors.add(new Problem.FieldError(at + "parentCode", "a unit cannot be its own parent"));
        }
    }

    private List<ImportRow> parentsFirst(List<ImportRow> rows, Map<String, ImportRow> byCode, Map<String, OrgUnit> existing,
                                         List<Problem.FieldError> errors) {
        List<ImportRow> ordered = new ArrayList<>(rows.size());
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (ImportRow row : rows) {
            place(row, byCode, existing, placed, visiting, ordered, errors);
        }
        return ordered;
    }

    private void place(ImportRow row, Map<String, ImportRow> byCode, Map<String, OrgUnit> existing, Set<String> placed,
                       Set<String> visiting, List<ImportRow> ordered, List<Problem.FieldError> errors) {
        // iterative walk up the parent chain, so a deep file cannot overflow the stack
        List<ImportRow> chain = new ArrayList<>();
        ImportRow current = row;
        while (current != null && !placed.contains(key(current.code()))) {
            if (!visiting.add(key(current.code()))) {
                errors.add(new Problem.FieldError("line " + current.line() + ": parentCode", "the parent chain loops back to " + current.code()));
                return;
            }
            chain.add(current);
            String parentCode = current.parentCode();
            if (parentCode == null) {
                break;
            }
            ImportRow parentRow = byCode.get(key(parentCode));
            if (parentRow == null && !existing.containsKey(key(parentCode))) {
                errors.add(new Problem.FieldError("line " + current.line() + ": parentCode", "no unit has the code " + parentCode));
                return;
            }
            current = parentRow;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            placed.add(key(chain.get(i).code()));
            ordered.add(chain.get(i));
        }
    }

    private static boolean sameAs(OrgUnit unit, ImportRow row, OrgUnit parent) {
        return unit.name.equals(normalize(row.name())) && unit.kind == row.kind()
                && java.util.Objects.equals(unit.parentId, parent == null ? null : parent.id);
    }

    private static Set<String> allCodes(List<ImportRow> rows) {
        Set<String> codes = new HashSet<>();
        for (ImportRow row : rows) {
            codes.add(key(row.code()));
            if (row.parentCode() != null) {
                codes.add(key(row.parentCode()));
            }
        }
        return codes;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    static String key(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    static String normalize(String text) {
        return Texts.normalize(text);
    }
}
