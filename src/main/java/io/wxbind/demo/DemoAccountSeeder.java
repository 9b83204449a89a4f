package io.wxbind.demo;

import io.wxbind.db.WxBindData;
import io.wxbind.account.UserAccount;
import io.wxbind.config.DemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** Creates the demo accounts when {@code wxbind.demo.seed-accounts=true} (demo and tests only). */
@ApplicationScoped
@Transactional
public class DemoAccountSeeder {

    /** Printed by the demo launcher and the README too. */
    public record DemoAccount(String username, String password, String displayName, String phone, Set<String> groups) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("alice", "alice-password", "Alice Chen", "+8613800000001", Set.of("user", "admin")),
            new DemoAccount("bob", "bob-password", "Bob Li", "+8613800000002", Set.of("user")));

    private static final Logger LOG = Logger.getLogger(DemoAccountSeeder.class.getName());

    @Inject
    DemoConfig settings;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    @WxBindData
    EntityManager em;

    /** When the application starts, after the schema migration (which observes the start first). */
    void seed(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (!settings.seedAccounts()) {
            return;
        }
        for (DemoAccount a : ACCOUNTS) {
            boolean exists = !em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                    .setParameter("username", a.username()).getResultList().isEmpty();
            if (!exists) {
                em.persist(new UserAccount(a.username(), passwordHash.generate(a.password().toCharArray()), a.phone(),
                        a.displayName(), a.groups(), Instant.now()));
                LOG.info(() -> "demo account created: " + a.username() + " (password in the README)");
            }
        }
    }
}
