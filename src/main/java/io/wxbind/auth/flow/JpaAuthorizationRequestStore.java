package io.wxbind.auth.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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

    /** Row lock, then delete: a concurrent second take waits and then finds nothing. */
    @Override
    public Optional<AuthorizationRequest> take(String state) {
        AuthorizationRequest found = em.find(AuthorizationRequest.class, state, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            return Optional.empty();
        }
        em.remove(found);
        return Optional.of(found);
    }
}
