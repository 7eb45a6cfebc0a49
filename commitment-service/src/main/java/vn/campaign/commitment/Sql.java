package vn.campaign.commitment;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A native query assembled from fixed fragments; every value is a bound parameter. */
public final class Sql {

    private final EntityManager em;
    private final StringBuilder text;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public Sql(EntityManager em, String start) {
        this.em = em;
        this.text = new StringBuilder(start);
    }

    public Sql and(String condition) {
        text.append(" and ").append(condition);
        return this;
    }

    public Sql append(String fragment) {
        text.append(fragment);
        return this;
    }

    public Sql bind(String name, Object value) {
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
}
