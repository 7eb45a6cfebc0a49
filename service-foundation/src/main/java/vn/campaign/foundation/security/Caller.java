package vn.campaign.foundation.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.campaign.foundation.web.ProblemException;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the verified bearer token: {@code sub}, {@code name}, roles in
 * {@code groups}, the {@code unit} the roles apply to (covering its subtree) and, for members,
 * their {@code member} id.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public boolean isAuthenticated() {
        return token != null && token.getSubject() != null;
    }

    public String subject() {
        return isAuthenticated() ? token.getSubject() : "anonymous";
    }

    public String name() {
        String name = token == null ? null : token.getClaim("name");
        return name == null ? subject() : name;
    }

    public Set<String> roles() {
        return token == null || token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean hasAnyRole(String... roles) {
        Set<String> mine = roles();
        return Arrays.stream(roles).anyMatch(mine::contains);
    }

    public boolean isAdmin() {
        return roles().contains(Roles.ADMIN);
    }

    /** The unit whose subtree the caller's roles cover; empty for tokens without one (admin, integration). */
    public Optional<UUID> unit() {
        return uuidClaim("unit");
    }

    public Optional<UUID> member() {
        return uuidClaim("member");
    }

    public Actor actor() {
        return new Actor(subject(), name());
    }

    private Optional<UUID> uuidClaim(String claim) {
        Object value = token == null ? null : token.getClaim(claim);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("the token's " + claim + " claim is not a UUID");
        }
    }
}
