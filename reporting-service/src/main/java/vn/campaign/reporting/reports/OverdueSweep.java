package vn.campaign.reporting.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Reports fall overdue by the calendar, not by an event: every few minutes the duties whose due
 * date ended are found, and their unsubmitted reports counted overdue, a plan at a time.
 */
@ApplicationScoped
public class OverdueSweep {

    @Inject
    EntityManager em;
    @Inject
    ReportSchedule schedule;
    @Inject
    Clock clock;

    @Scheduled(every = "${campaign.reports.overdue-sweep:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Applies every due date that has passed; returns how many plans it marked. */
    public synchronized int run() {
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select distinct plan_id from report_duty where not overdue_applied and due_on < cast(?1 as date)", UUID.class)
                .setParameter(1, LocalDate.now(clock).toString()).getResultList());
        for (UUID plan : due) {
            QuarkusTransaction.requiringNew().run(() -> schedule.markOverdue(plan));
        }
        return due.size();
    }
}
