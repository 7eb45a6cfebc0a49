package vn.campaign.commitment.commitments;

import vn.campaign.foundation.commitments.CommitmentStatus;

import java.util.EnumSet;
import java.util.Set;

import static vn.campaign.foundation.commitments.CommitmentStatus.APPROVED;
import static vn.campaign.foundation.commitments.CommitmentStatus.DRAFT;
import static vn.campaign.foundation.commitments.CommitmentStatus.EVALUATED;
import static vn.campaign.foundation.commitments.CommitmentStatus.RETURNED;
import static vn.campaign.foundation.commitments.CommitmentStatus.SELF_ASSESSED;
import static vn.campaign.foundation.commitments.CommitmentStatus.SUBMITTED;

/**
 * The lifecycle of a personal commitment, in one place: which step is allowed from which status,
 * where it leads, and who may take it.
 *
 * <pre>
 *   DRAFT --submit--> SUBMITTED --approve--> APPROVED --self-assess--> SELF_ASSESSED --evaluate--> EVALUATED
 *                       |    ^                  (check-ins)
 *                return v    | submit again
 *                      RETURNED (comment required; editable)
 * </pre>
 *
 * The member writes, submits, reports progress and assesses themselves; the cell (the cell
 * secretary of the member's unit) may also write and submit on the member's behalf, and alone
 * approves, returns, reviews check-ins and evaluates. Nobody takes a cell step on their own
 * commitment: there they are the member.
 */
public final class CommitmentWorkflow {

    private CommitmentWorkflow() {
    }

    /** Who takes a step: the member whose commitment it is, or the cell that manages them. */
    public enum Party {
        MEMBER,
        CELL
    }

    /** Everything that can be done to a commitment. A step without a target leaves the status as it is. */
    public enum Step {
        EDIT(null, EnumSet.of(DRAFT, RETURNED), EnumSet.of(Party.MEMBER, Party.CELL)),
        SUBMIT(SUBMITTED, EnumSet.of(DRAFT, RETURNED), EnumSet.of(Party.MEMBER, Party.CELL)),
        APPROVE(APPROVED, EnumSet.of(SUBMITTED), EnumSet.of(Party.CELL)),
        RETURN(RETURNED, EnumSet.of(SUBMITTED), EnumSet.of(Party.CELL)),
        CHECK_IN(null, EnumSet.of(APPROVED), EnumSet.of(Party.MEMBER)),
        REVIEW_CHECK_IN(null, EnumSet.of(APPROVED, SELF_ASSESSED), EnumSet.of(Party.CELL)),
        SELF_ASSESS(SELF_ASSESSED, EnumSet.of(APPROVED), EnumSet.of(Party.MEMBER)),
        EVALUATE(EVALUATED, EnumSet.of(SELF_ASSESSED), EnumSet.of(Party.CELL));

        private final CommitmentStatus target;
        private final Set<CommitmentStatus> from;
        private final Set<Party> parties;

        Step(CommitmentStatus target, Set<CommitmentStatus> from, Set<Party> parties) {
            this.target = target;
            this.from = from;
            this.parties = parties;
        }

        public boolean allowedFrom(CommitmentStatus status) {
            return from.contains(status);
        }

        public boolean allowedFor(Party party) {
            return party != null && parties.contains(party);
        }

        /** The status after this step from {@code status}, or why the step is refused. */
        public CommitmentStatus apply(CommitmentStatus status, Party party) {
            if (!allowedFor(party)) {
                throw new Refused(Refused.Reason.PARTY, this, status, party);
            }
            if (!allowedFrom(status)) {
                throw new Refused(Refused.Reason.STATUS, this, status, party);
            }
            return target == null ? status : target;
        }

        /** Whether the step changes the status (a transition) rather than the content. */
        public boolean isTransition() {
            return target != null;
        }
    }

    /** The steps a party may take from a status, e.g. to show the right buttons. */
    public static Set<Step> stepsFor(CommitmentStatus status, Party party) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (Step step : Step.values()) {
            if (step.allowedFrom(status) && step.allowedFor(party)) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** A step that the workflow does not allow: for this party ({@link Reason#PARTY}) or from this status. */
    public static final class Refused extends RuntimeException {

        public enum Reason {
            PARTY,
            STATUS
        }

        private final Reason reason;

        Refused(Reason reason, Step step, CommitmentStatus status, Party party) {
            super(reason == Reason.PARTY
                    ? (party == null ? "you may not " : "the " + party.name().toLowerCase() + " may not ")
                      + describe(step) + " a commitment"
                    : "a " + status + " commitment cannot be " + past(step) + "; allowed from " + step.from);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        private static String describe(Step step) {
            return step.name().toLowerCase().replace('_', ' ');
        }

        private static String past(Step step) {
            return switch (step) {
                case EDIT -> "edited";
                case SUBMIT -> "submitted";
                case APPROVE -> "approved";
                case RETURN -> "returned";
                case CHECK_IN -> "checked in on";
                case REVIEW_CHECK_IN -> "reviewed";
                case SELF_ASSESS -> "self-assessed";
                case EVALUATE -> "evaluated";
            };
        }
    }
}
