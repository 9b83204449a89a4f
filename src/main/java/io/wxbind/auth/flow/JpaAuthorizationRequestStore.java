package io.wxbind.auth.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@link AuthorizationRequestStore} in PostgreSQL, shared by every node. */
@ApplicationScoped
@Transactional
public class JpaAuthorizationRequestStore implements AuthorizationRequestStore {

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Override
    public void save(AuthorizationRequest request) {
        List<String> older = em.createQuery(
                        "select r.state from AuthorizationRequest r where r.browserHash = :b order by r.createdAt desc", String.class)
                .setParameter("b", request.browserHash())
                .setFirstResult(MAX_PENDING_PER_BROWSER - 1)
                .getResultList();
        if (!older.isEmpty()) {
            em.createQuery("delete from AuthorizationRequest r where r.state in :s").setParameter("s", older).executeUpdate();
        }
        em.persist(request);
    }

    /**
     * One statement: the row is deleted and returned, so a concurrent second take waits for the
     * row lock and then finds nothing (a lock-then-delete cost one more round trip per login).
     */
    @Override
    public Optional<AuthorizationRequest> take(String state) {
        List<?> taken = em.createNativeQuery("delete from wxbind_auth_request where state = ?1 returning *", AuthorizationRequest.class)
                .setParameter(1, state).getResultList();
        return taken.stream().map(AuthorizationRequest.class::cast).findFirst();
    }
}
