package vn.campaign.foundation.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where a unit sits in the organisation tree: its path of unit ids from the root, itself last. */
public interface UnitDirectory {

    Optional<List<UUID>> pathOf(UUID unit);
}
