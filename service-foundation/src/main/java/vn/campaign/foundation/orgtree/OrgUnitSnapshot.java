package vn.campaign.foundation.orgtree;

import vn.campaign.foundation.security.Actor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payload of every event on {@link vn.campaign.foundation.events.Topics#ORG_UNITS}: the
 * whole state of one unit after the change, so the compacted topic alone rebuilds the tree.
 * {@code unitPath} lists unit ids from the root to this unit; {@code version} grows with every
 * change of the unit and lets a replica ignore stale snapshots.
 *
 * <p>Event types: {@code org-unit.created.v1}, {@code org-unit.updated.v1},
 * {@code org-unit.moved.v1}, {@code org-unit.closed.v1}, {@code org-unit.merged.v1}.
 */
public record OrgUnitSnapshot(
        UUID unitId,
        String code,
        String name,
        OrgUnitKind kind,
        UUID parentId,
        List<UUID> unitPath,
        LocalDate validFrom,
        LocalDate validTo,
        List<UUID> predecessorIds,
        UUID successorId,
        long version,
        Actor actor) {

    public static final String CREATED = "org-unit.created.v1";
    public static final String UPDATED = "org-unit.updated.v1";
    public static final String MOVED = "org-unit.moved.v1";
    public static final String CLOSED = "org-unit.closed.v1";
    public static final String MERGED = "org-unit.merged.v1";
}
