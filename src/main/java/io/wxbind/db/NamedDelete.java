package io.wxbind.db;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * The usual {@link ExpiredRows}: one named JPQL delete whose one parameter is now, less how long
 * the rows are kept after they expired. A feature subclasses it as an {@code @ApplicationScoped} bean.
 */
public abstract class NamedDelete implements ExpiredRows {

    private final String label;
    private final String query;
    private final String parameter;
    private final Duration keptAfterExpiry;

    protected NamedDelete(String label, String query, String parameter, Duration keptAfterExpiry) {
        this.label = label;
        this.query = query;
        this.parameter = parameter;
        this.keptAfterExpiry = keptAfterExpiry;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int purge(EntityManager em, Instant now) {
        return em.createNamedQuery(query).setParameter(parameter, now.minus(keptAfterExpiry)).executeUpdate();
    }
}
