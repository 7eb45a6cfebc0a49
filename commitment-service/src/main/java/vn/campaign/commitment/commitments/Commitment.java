package vn.campaign.commitment.commitments;

import vn.campaign.foundation.persistence.AuditedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ListIndexBase;
import vn.campaign.commitment.roster.Member;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.commitments.Rating;
import vn.campaign.foundation.plans.CommitmentTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Personal commitment (bản cam kết học tập và làm theo): what a member will study and do this
 * year under a plan, on the form of their category. Its status moves only through
 * {@link CommitmentWorkflow}.
 */
@Entity
@Table(name = "commitment")
public class Commitment extends AuditedEntity {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "plan_id")
    public UUID planId;

    public int year;

    @Column(name = "topic_id")
    public UUID topicId;

    /** The member's unit when the commitment was written; it stays there if the member moves. */
    @Column(name = "unit_id")
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    public CommitmentTemplate template;

    /** Whether the member was a leader (with exemplary duties) when it was last saved or submitted. */
    public boolean leader;

    @Enumerated(EnumType.STRING)
    public CommitmentStatus status;

    @Column(name = "study_content")
    public String studyContent;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "commitment_action", joinColumns = @JoinColumn(name = "commitment_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @BatchSize(size = 50)
    public List<ConcreteAction> actions = new ArrayList<>();

    /** Self-cultivation commitments (tu dưỡng, rèn luyện). */
    @Column(name = "self_cultivation")
    public String selfCultivation;

    /** A leader's exemplary duties (trách nhiệm nêu gương). */
    @Column(name = "exemplary_duties")
    public String exemplaryDuties;

    /** The plan's due date at the first submission. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    /** The first submission, which decides {@link #late}. */
    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "last_submitted_at")
    public Instant lastSubmittedAt;

    public boolean late;

    @Column(name = "submission_count")
    public int submissionCount;

    /** The cell's latest approval or return comment. */
    @Column(name = "cell_comment")
    public String cellComment;

    @Column(name = "self_assessment")
    public String selfAssessment;

    @Column(name = "self_score")
    public Integer selfScore;

    @Column(name = "self_assessed_at")
    public Instant selfAssessedAt;

    public Integer score;

    @Enumerated(EnumType.STRING)
    public Rating rating;

    @Column(name = "evaluation_comment")
    public String evaluationComment;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "evaluated_by")
    public String evaluatedBy;

    /** The cell secretary who wrote the commitment for the member; null when the member wrote it. */
    @Column(name = "on_behalf_by")
    public String onBehalfBy;

    /** Records the score; the rating follows from it and from nothing else. */
    public void evaluate(int score) {
        this.rating = Rating.of(score);
        this.score = score;
    }
}
