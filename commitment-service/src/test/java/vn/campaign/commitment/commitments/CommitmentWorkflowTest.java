package vn.campaign.commitment.commitments;

import org.junit.jupiter.api.Test;
import vn.campaign.commitment.commitments.CommitmentWorkflow.Party;
import vn.campaign.commitment.commitments.CommitmentWorkflow.Refused;
import vn.campaign.commitment.commitments.CommitmentWorkflow.Step;
import vn.campaign.foundation.commitments.CommitmentStatus;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.campaign.foundation.commitments.CommitmentStatus.APPROVED;
import static vn.campaign.foundation.commitments.CommitmentStatus.DRAFT;
import static vn.campaign.foundation.commitments.CommitmentStatus.EVALUATED;
import static vn.campaign.foundation.commitments.CommitmentStatus.RETURNED;
import static vn.campaign.foundation.commitments.CommitmentStatus.SELF_ASSESSED;
import static vn.campaign.foundation.commitments.CommitmentStatus.SUBMITTED;

/** The commitment lifecycle on its own, without the application. */
class CommitmentWorkflowTest {

    @Test
    void theHappyPathRunsFromDraftToEvaluated() {
        CommitmentStatus status = DRAFT;
        status = Step.SUBMIT.apply(status, Party.MEMBER);
        assertEquals(SUBMITTED, status);
        status = Step.APPROVE.apply(status, Party.CELL);
        assertEquals(APPROVED, status);
        assertEquals(APPROVED, Step.CHECK_IN.apply(status, Party.MEMBER));
        assertEquals(APPROVED, Step.REVIEW_CHECK_IN.apply(status, Party.CELL));
        status = Step.SELF_ASSESS.apply(status, Party.MEMBER);
        assertEquals(SELF_ASSESSED, status);
        status = Step.EVALUATE.apply(status, Party.CELL);
        assertEquals(EVALUATED, status);
    }

    @Test
    void aReturnedCommitmentIsEditedAndSubmittedAgain() {
        CommitmentStatus status = Step.RETURN.apply(Step.SUBMIT.apply(DRAFT, Party.MEMBER), Party.CELL);
        assertEquals(RETURNED, status);
        assertEquals(RETURNED, Step.EDIT.apply(status, Party.MEMBER));
        assertEquals(SUBMITTED, Step.SUBMIT.apply(status, Party.MEMBER));
    }

    @Test
    void everyStepIsAllowedFromExactlyItsStatuses() {
        assertAllowedFrom(Step.EDIT, DRAFT, RETURNED);
        assertAllowedFrom(Step.SUBMIT, DRAFT, RETURNED);
        assertAllowedFrom(Step.APPROVE, SUBMITTED);
        assertAllowedFrom(Step.RETURN, SUBMITTED);
        assertAllowedFrom(Step.CHECK_IN, APPROVED);
        assertAllowedFrom(Step.REVIEW_CHECK_IN, APPROVED, SELF_ASSESSED);
        assertAllowedFrom(Step.SELF_ASSESS, APPROVED);
        assertAllowedFrom(Step.EVALUATE, SELF_ASSESSED);
    }

    @Test
    void anEvaluatedCommitmentIsFinal() {
        assertEquals(Set.of(), CommitmentWorkflow.stepsFor(EVALUATED, Party.MEMBER));
        assertEquals(Set.of(), CommitmentWorkflow.stepsFor(EVALUATED, Party.CELL));
    }

    @Test
    void onlyTheCellApprovesReturnsReviewsAndEvaluates() {
        for (Step step : EnumSet.of(Step.APPROVE, Step.RETURN, Step.REVIEW_CHECK_IN, Step.EVALUATE)) {
            assertTrue(step.allowedFor(Party.CELL), step.name());
            Refused refused = assertThrows(Refused.class, () -> step.apply(SUBMITTED, Party.MEMBER));
            assertEquals(Refused.Reason.PARTY, refused.reason());
        }
    }

    @Test
    void onlyTheMemberChecksInAndAssessesThemselves() {
        for (Step step : EnumSet.of(Step.CHECK_IN, Step.SELF_ASSESS)) {
            Refused refused = assertThrows(Refused.class, () -> step.apply(APPROVED, Party.CELL));
            assertEquals(Refused.Reason.PARTY, refused.reason());
        }
    }

    @Test
    void theCellMayWriteAndSubmitOnTheMembersBehalf() {
        assertEquals(DRAFT, Step.EDIT.apply(DRAFT, Party.CELL));
        assertEquals(SUBMITTED, Step.SUBMIT.apply(DRAFT, Party.CELL));
    }

    @Test
    void someoneWhoIsNeitherMayTakeNoStep() {
        for (Step step : Step.values()) {
            for (CommitmentStatus status : CommitmentStatus.values()) {
                Refused refused = assertThrows(Refused.class, () -> step.apply(status, null));
                assertEquals(Refused.Reason.PARTY, refused.reason());
            }
        }
    }

    @Test
    void aStepFromTheWrongStatusIsRefusedWithTheStatusesItNeeds() {
        Refused refused = assertThrows(Refused.class, () -> Step.APPROVE.apply(DRAFT, Party.CELL));
        assertEquals(Refused.Reason.STATUS, refused.reason());
        assertTrue(refused.getMessage().contains("DRAFT") && refused.getMessage().contains("SUBMITTED"), refused.getMessage());
        assertThrows(Refused.class, () -> Step.EDIT.apply(SUBMITTED, Party.MEMBER));
        assertThrows(Refused.class, () -> Step.SUBMIT.apply(APPROVED, Party.MEMBER));
        assertThrows(Refused.class, () -> Step.EVALUATE.apply(APPROVED, Party.CELL));
        assertThrows(Refused.class, () -> Step.SELF_ASSESS.apply(SUBMITTED, Party.MEMBER));
    }

    @Test
    void theStepsOfAPartyAreWhatTheButtonsShow() {
        assertEquals(EnumSet.of(Step.EDIT, Step.SUBMIT), CommitmentWorkflow.stepsFor(DRAFT, Party.MEMBER));
        assertEquals(EnumSet.of(Step.APPROVE, Step.RETURN), CommitmentWorkflow.stepsFor(SUBMITTED, Party.CELL));
        assertEquals(EnumSet.noneOf(Step.class), CommitmentWorkflow.stepsFor(SUBMITTED, Party.MEMBER));
        assertEquals(EnumSet.of(Step.CHECK_IN, Step.SELF_ASSESS), CommitmentWorkflow.stepsFor(APPROVED, Party.MEMBER));
    }

    private static void assertAllowedFrom(Step step, CommitmentStatus... statuses) {
        Set<CommitmentStatus> allowed = EnumSet.noneOf(CommitmentStatus.class);
        for (CommitmentStatus status : CommitmentStatus.values()) {
            if (step.allowedFrom(status)) {
                allowed.add(status);
            }
        }
        assertEquals(Set.of(statuses), allowed, step.name());
    }
}
