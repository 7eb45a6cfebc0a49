package vn.campaign.commitment.roster;

import vn.campaign.foundation.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.plans.MemberCategory;

import java.util.UUID;

/**
 * A member of the roster (danh sách đảng viên, cán bộ, hội viên, công dân): who must register
 * a personal commitment, in which unit and on which form. Deliberately no citizen id, birth
 * date, ethnicity or religion: political affiliation is sensitive personal data, so the roster
 * keeps the minimum and logs every change ({@link MemberChange}).
 */
@Entity
@Table(name = "member")
public class Member extends AuditedEntity {

    @Id
    public UUID id;

    /** The member's id in the party-member database (or the registering body's list); imports match on it. */
    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "full_name")
    public String fullName;

    /** The unit the member belongs to now; its path comes from the replicated tree. */
    @Column(name = "unit_id")
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    public MemberCategory category;

    /** Leaders and managers (cán bộ lãnh đạo, quản lý) carry exemplary duties (nêu gương). */
    public boolean leader;

    @Column(name = "position_title")
    public String positionTitle;

    /** Why the member need not write a commitment, if so (a plan decides which exemptions it accepts). */
    @Enumerated(EnumType.STRING)
    public ExemptionCategory exemption;

    @Column(name = "exemption_reason")
    public String exemptionReason;

}
