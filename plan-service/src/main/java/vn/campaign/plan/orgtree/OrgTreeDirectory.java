package vn.campaign.plan.orgtree;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.security.UnitDirectory;
import vn.campaign.foundation.security.UnitPaths;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Unit paths straight from the tree plan-service owns. */
@ApplicationScoped
public class OrgTreeDirectory implements UnitDirectory {

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<UUID>> pathOf(UUID unit) {
        @SuppressWarnings("unchecked")
        List<String> paths = em.createNativeQuery("select path::text from org_unit where id = ?1")
                .setParameter(1, unit).getResultList();
        return paths.stream().findFirst().map(UnitPaths::fromLtree);
    }
}
