package io.wxbind.account;

import io.wxbind.config.WeChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Groups from {@link UserAccount}; callers WxBind does not know get the configured defaults. */
@ApplicationScoped
public class AccountGroupsResolver implements CallerGroupsResolver {

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Inject
    WeChatConfig config;

    /**
     * One query per login: the account left-joined with its groups (loading the entity would read
     * the account, then its eager group collection). No row: unknown account, default groups;
     * a single null: an account without groups.
     */
    @Override
    public Set<String> groupsOf(String accountName) {
        List<String> rows = em.createQuery("select g from UserAccount a left join a.groups g where a.username = :username", String.class)
                .setParameter("username", accountName).getResultList();
        if (rows.isEmpty()) {
            return config.defaultGroups();
        }
        return rows.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
