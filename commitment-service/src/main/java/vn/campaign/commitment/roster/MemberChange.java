package vn.campaign.commitment.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a roster entry, with who made it and when: the audit trail personal data of
 * this kind needs, and the unit history of a member (a move keeps the unit before and after).
 */
@Entity
@Table(name = "member_change")
public class MemberChange extends PanacheEntityBase {

    public enum Kind {
        REGISTERED,
        UPDATED,
        MOVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long seq;

    @Column(name = "member_id")
    public UUID memberId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    /** The member's unit after the change. */
    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "previous_unit_id")
    public UUID previousUnitId;

    /** JSON object: field name to {@code {"from": ..., "to": ...}}. */
    public String changes;

    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_by_name")
    public String changedByName;
}
