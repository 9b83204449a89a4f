package io.wxbind.portal;

import io.wxbind.account.AccountDirectory;
import io.wxbind.account.AccountState;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/** How WxBind learns about the portal's accounts (exists, enabled, groups now): the account SPI. */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
public class PortalAccounts implements AccountDirectory {

    @Inject
    PortalUserStore users;

    @Override
    public Optional<AccountState> find(String name) {
        return users.find(name).map(u -> new AccountState(u.name(), true, u.groups()));
    }
}
