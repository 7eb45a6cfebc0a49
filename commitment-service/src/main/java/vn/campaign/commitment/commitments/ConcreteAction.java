package vn.campaign.commitment.commitments;

import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/** A concrete action (việc làm cụ thể) of a commitment: what, a measurable target, by when. */
@Embeddable
public class ConcreteAction {

    public String what;
    public String target;
    public LocalDate deadline;

    public ConcreteAction() {
    }

    public ConcreteAction(String what, String target, LocalDate deadline) {
        this.what = what;
        this.target = target;
        this.deadline = deadline;
    }
}
