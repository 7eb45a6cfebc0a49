package vn.campaign.foundation.orgtree;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;
import vn.campaign.foundation.security.UnitDirectory;
import vn.campaign.foundation.security.UnitPaths;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unit paths from the replicated tree; plan-service replaces it with its own tree.
 * <p>
 * Every request that checks scope or writes an event asks for a path, so the paths read are kept
 * for a few seconds ({@code campaign.org-replica.path-cache}, 5 s; up to 20,000 units). This
 * instance forgets them all when its replica changes; another instance of the service, whose
 * consumer did not apply the change, sees a move or a merge at the latest when its entries expire.
 * The query reads the replica only, which a request never writes, so Hibernate neither flushes nor
 * dirty-checks the request's entities before it.
 */
@ApplicationScoped
@DefaultBean
public class ReplicaUnitDirectory implements UnitDirectory {

    static final int MAX_ENTRIES = 20_000;

    @Inject
    EntityManager em;
    @ConfigProperty(name = "campaign.org-replica.path-cache", defaultValue = "5s")
    Duration ttl;

    private record Entry(List<UUID> path, long expiresAt) {
    }

    private final ConcurrentHashMap<UUID, Entry> paths = new ConcurrentHashMap<>();

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<UUID>> pathOf(UUID unit) {
        long now = System.nanoTime();
        Entry cached = paths.get(unit);
        if (cached != null && now - cached.expiresAt() < 0) {
            return Optional.of(cached.path());
        }
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select path::text from org_unit_replica where id = ?1")
                .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                .setParameter(1, unit).getResultList();
        Optional<List<UUID>> path = rows.stream().findFirst().map(UnitPaths::fromLtree);
        if (path.isPresent() && !ttl.isZero()) {
            if (paths.size() >= MAX_ENTRIES) {
                paths.clear();
            }
            paths.put(unit, new Entry(List.copyOf(path.get()), now + ttl.toNanos()));
        }
        return path;
    }

    /** A unit of the replica moved, merged or changed otherwise: the paths kept may be wrong now. */
    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) OrgUnitReplica.Changed change) {
        paths.clear();
    }
}
