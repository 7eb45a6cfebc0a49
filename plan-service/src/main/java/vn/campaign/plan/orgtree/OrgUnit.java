package vn.campaign.plan.orgtree;

import vn.campaign.foundation.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.security.UnitPaths;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Organisation unit (đơn vị): a party committee, organisation, cell, agency, front or association. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends AuditedEntity {

    @Id
    public UUID id;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public OrgUnitKind kind;

    @Column(name = "parent_id")
    public UUID parentId;

    /** ltree of the unit ids from the root; see {@link UnitPaths}. */
    @ColumnTransformer(read = "path::text", write = "cast(? as ltree)")
    public String path;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** First day the unit no longer exists (exclusive end); null while it is open. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "successor_id")
    public UUID successorId;

    @Column(name = "predecessor_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> predecessorIds = new ArrayList<>();

    public List<UUID> pathIds() {
        return UnitPaths.fromLtree(path);
    }

    /** Closed on that day (a unit that has not started yet is not closed: units may be prepared ahead). */
    public boolean isClosedOn(LocalDate day) {
        return validTo != null && !day.isBefore(validTo);
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
