package vn.campaign.foundation.web;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Idempotency keys are honoured for seven days; older records are removed hourly. */
@ApplicationScoped
public class IdempotencyCleanup {

    @Inject
    EntityManager em;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        em.createNativeQuery("delete from idempotency_record where created_at < now() - interval '7 days'").executeUpdate();
    }
}
