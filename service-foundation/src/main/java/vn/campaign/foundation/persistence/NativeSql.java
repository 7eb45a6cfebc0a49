package vn.campaign.foundation.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A native query assembled from fixed fragments, for lists with optional filters; every value is
 * a bound parameter, never part of the text.
 */
public final class NativeSql {

    private final EntityManager em;
    private final StringBuilder text;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public NativeSql(EntityManager em, String start) {
        this.em = em;
        this.text = new StringBuilder(start);
    }

    public NativeSql and(String condition) {
        text.append(" and ").append(condition);
        return this;
    }

    /** Adds the condition and its parameter only when {@code value} is given. */
    public NativeSql andIf(Object value, String condition, String parameter) {
        if (value != null) {
            and(condition).bind(parameter, value);
        }
        return this;
    }

    public NativeSql append(String fragment) {
        text.append(fragment);
        return this;
    }

    public NativeSql bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Rows mapped to the entity class, at most {@code max}. */
    @SuppressWarnings("unchecked")
    public <T> List<T> list(Class<T> entity, int max) {
        Query query = em.createNativeQuery(text.toString(), entity);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }

    /** Raw rows, at most {@code max}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> rows(int max) {
        Query query = em.createNativeQuery(text.toString());
        parameters.forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }

    /** The text form of a PostgreSQL {@code uuid[]} ({@code null} or none: the empty array), to bind and cast as {@code uuid[]}. */
    public static String uuidArray(java.util.Collection<java.util.UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return "{}";
        }
        return "{" + String.join(",", ids.stream().map(java.util.UUID::toString).toList()) + "}";
    }
}
