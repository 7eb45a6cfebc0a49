package vn.campaign.foundation.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import vn.campaign.foundation.web.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * Role and subtree checks for the current request. A caller's roles apply to the subtree of the
 * unit in their token; {@code admin} is unrestricted. Unknown units are 404, units outside the
 * subtree 403, missing roles 403.
 */
@RequestScoped
public class Scope {

    @Inject
    Caller caller;
    @Inject
    UnitDirectory directory;

    private List<UUID> callerPath;

    public void requireRole(String... roles) {
        if (!caller.isAdmin() && !caller.hasAnyRole(roles)) {
            throw ProblemException.forbidden("this operation needs one of the roles " + String.join(", ", roles));
        }
    }

    /** The unit's path, after checking it is the caller's unit or below it. */
    public List<UUID> requireWithin(UUID unit) {
        List<UUID> path = pathOf(unit);
        if (!caller.isAdmin() && !UnitPaths.within(path, callerPath())) {
            throw ProblemException.forbidden("unit " + unit + " is outside your organisation's subtree");
        }
        return path;
    }

    /** As {@link #requireWithin}, but the caller's own unit does not qualify: only units below it. */
    public List<UUID> requireBelow(UUID unit) {
        List<UUID> path = requireWithin(unit);
        if (!caller.isAdmin() && path.size() == callerPath().size()) {
            throw ProblemException.forbidden("only the superior unit's officers may do this to unit " + unit);
        }
        return path;
    }

    /** The unit's path, after checking it is within the caller's subtree or above it (ancestor names are not secret). */
    public List<UUID> requireWithinOrAbove(UUID unit) {
        List<UUID> path = pathOf(unit);
        if (!caller.isAdmin() && !UnitPaths.within(path, callerPath()) && !callerPath().contains(unit)) {
            throw ProblemException.forbidden("unit " + unit + " is outside your organisation's subtree");
        }
        return path;
    }

    /** True when the caller may see data of the unit at {@code path}. */
    public boolean covers(List<UUID> path) {
        return caller.isAdmin() || (caller.unit().isPresent() && UnitPaths.within(path, callerPath()));
    }

    /** The caller's own unit path; 403 when the token names no unit (and the caller is not admin). */
    public List<UUID> callerPath() {
        if (callerPath == null) {
            UUID unit = caller.unit().orElseThrow(() -> ProblemException.forbidden("your token names no organisation unit"));
            callerPath = directory.pathOf(unit)
                    .orElseThrow(() -> ProblemException.forbidden("your token's unit " + unit + " is not known here"));
        }
        return callerPath;
    }

    public List<UUID> pathOf(UUID unit) {
        return directory.pathOf(unit).orElseThrow(() -> ProblemException.notFound("unit " + unit + " does not exist"));
    }

    public boolean isAdmin() {
        return caller.isAdmin();
    }
}
