package vn.campaign.commitment.commitments;

import vn.campaign.foundation.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Progress on one concrete action for one period (kiểm điểm tiến độ), with the cell's comment and
 * whether it was praised at the cell meeting (biểu dương).
 */
@Entity
@Table(name = "check_in")
public class CheckIn extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "commitment_id")
    public UUID commitmentId;

    /** The concrete action, 1-based. */
    @Column(name = "action_no")
    public int action;

    /** DHIS2-style period id: 2025, 2025S1, 2025Q2, 202504. */
    public String period;

    public int percent;

    public String evidence;

    @Column(name = "cell_comment")
    public String cellComment;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;

    public boolean praised;
    @Column(name = "praised_at")
    public Instant praisedAt;
    @Column(name = "praised_by")
    public String praisedBy;

}
