package vn.campaign.foundation.orgtree;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.security.UnitDirectory;
import vn.campaign.foundation.security.UnitPaths;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Unit paths from the replicated tree; plan-service replaces it with its own tree. */
@ApplicationScoped
@DefaultBean
public class ReplicaUnitDirectory implements UnitDirectory {

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<UUID>> pathOf(UUID unit) {
        @SuppressWarnings("unchecked")
        List<String> paths = em.createNativeQuery("select path::text from org_unit_replica where id = ?1")
                .setParameter(1, unit).getResultList();
        return paths.stream().findFirst().map(UnitPaths::fromLtree);
    }
}
