package vn.campaign.foundation.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.campaign.foundation.security.Caller;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs: the first request's response is stored in the same
 * transaction as what it created, and a retry with the same key returns it unchanged. A second
 * request racing the first waits on the key's row and then replays the first one's result.
 * Keys are per caller and operation; reusing a key for another body is a 422.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Caller caller;

    @Transactional
    public Response create(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.invalid(HEADER, "must be 1-" + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        String fingerprint = fingerprint(request);
        int inserted = em.createNativeQuery("""
                        insert into idempotency_record (caller, operation, idempotency_key, fingerprint)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, caller.subject()).setParameter(2, operation)
                .setParameter(3, key).setParameter(4, fingerprint)
                .executeUpdate();
        if (inserted == 1) {
            Response response = action.get();
            em.createNativeQuery("""
                            update idempotency_record set status = ?1, location = ?2, body = ?3
                            where caller = ?4 and operation = ?5 and idempotency_key = ?6""")
                    .setParameter(1, response.getStatus())
                    .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                    .setParameter(3, serialize(response.getEntity()))
                    .setParameter(4, caller.subject()).setParameter(5, operation).setParameter(6, key)
                    .executeUpdate();
            return response;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select fingerprint, status, location, body from idempotency_record
                        where caller = ?1 and operation = ?2 and idempotency_key = ?3""")
                .setParameter(1, caller.subject()).setParameter(2, operation).setParameter(3, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw ProblemException.unprocessable("this Idempotency-Key was already used for a different request");
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            replay.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            replay.entity(row[3]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(serialize(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialize(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
