package vn.campaign.commitment.commitments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.campaign.foundation.commitments.CommitmentStatus;

import java.time.Instant;
import java.util.UUID;

/** One change of a commitment (its creation, an edit, a transition, a check-in or its review), attributable. */
@Entity
@Table(name = "commitment_history")
public class CommitmentHistory extends PanacheEntityBase {

    /** What was done: a workflow step, or CREATE. */
    public static final String CREATE = "CREATE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long seq;

    @Column(name = "commitment_id")
    public UUID commitmentId;

    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public CommitmentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public CommitmentStatus toStatus;

    public String comment;

    public Instant at;
    public String actor;
    @Column(name = "actor_name")
    public String actorName;
}
