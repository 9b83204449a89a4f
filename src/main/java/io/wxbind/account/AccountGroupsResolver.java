package io.wxbind.account;

import io.wxbind.config.WeChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/** Groups from {@link UserAccount}; callers WxBind does not know get the configured defaults. */
@ApplicationScoped
public class AccountGroupsResolver implements CallerGroupsResolver {

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Inject
    WeChatConfig config;

    @Override
    public Set<String> groupsOf(String accountName) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class).setParameter("username", accountName)
                .getResultStream().findFirst().map(UserAccount::groups).orElse(config.defaultGroups());
    }
}
