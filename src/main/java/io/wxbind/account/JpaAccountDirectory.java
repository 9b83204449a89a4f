package io.wxbind.account;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The default {@link AccountDirectory}: WxBind's own {@link UserAccount}s ({@code wxbind_user_account}, {@code wxbind_user_group}). */
@ApplicationScoped
// A transaction even for reads: Payara shares one non-transactional EntityManager between the beans
// of a request and closes it once per bean, so two such readers in one login failed the request.
@Transactional
public class JpaAccountDirectory implements AccountDirectory {

    @Inject
    @WxBindData
    EntityManager em;

    /**
     * One query: the account left-joined with its groups (loading the entity would read the
     * account, then its eager group collection). No row: no account; a null group: none.
     */
    @Override
    public Optional<AccountState> find(String name) {
        List<Object[]> rows = em.createQuery("select a.enabled, g from UserAccount a left join a.groups g where a.username = :username",
                Object[].class).setParameter("username", name).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> groups = new HashSet<>();
        for (Object[] row : rows) {
            if (row[1] != null) {
                groups.add((String) row[1]);
            }
        }
        return Optional.of(new AccountState(name, Boolean.TRUE.equals(rows.get(0)[0]), groups));
    }
}
