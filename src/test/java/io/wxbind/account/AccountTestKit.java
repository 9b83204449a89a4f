package io.wxbind.account;

import io.wxbind.config.SecurityConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Accounts, stamps and their services wired by hand on a {@link JpaTestDatabase}, each store call
 * in its own committed transaction as in the container; fired CDI events recorded.
 */
final class AccountTestKit {

    final JpaTestDatabase db;
    final MutableClock clock = new MutableClock();
    final List<Object> events = new CopyOnWriteArrayList<>();
    final AtomicInteger databaseReads = new AtomicInteger();

    AccountTestKit(JpaTestDatabase db) {
        this.db = db;
    }

    /** One node's stamps, with its own cache. */
    SecurityStamps node(long cacheSeconds) {
        SecurityStamps s = new SecurityStamps();
        s.store = new SecurityStampStore() {
            @Override
            public String current(String account) {
                databaseReads.incrementAndGet();
                return db.inTransaction(em -> jpaStore(em).current(account));
            }

            @Override
            public String rotate(String account, RevocationReason reason, Instant now) {
                return db.inTransaction(em -> jpaStore(em).rotate(account, reason, now));
            }
        };
        s.directory = name -> db.inTransaction(em -> directory(em).find(name));
        s.clock = clock;
        s.audit = recording(e -> { });
        s.rotated = recording(s::forgetAfterCompletion);
        s.settings = new SecurityConfig(Duration.ofSeconds(cacheSeconds), false, Optional.empty());
        s.init();
        return s;
    }

    static JpaSecurityStampStore jpaStore(EntityManager em) {
        JpaSecurityStampStore s = new JpaSecurityStampStore();
        s.em = em;
        return s;
    }

    static JpaAccountDirectory directory(EntityManager em) {
        JpaAccountDirectory d = new JpaAccountDirectory();
        d.em = em;
        return d;
    }

    AccountBindingService bindings(EntityManager em, SecurityStamps stamps) {
        AccountBindingService s = new AccountBindingService();
        s.em = em;
        s.clock = clock;
        s.events = recording(e -> { });
        s.stamps = stamps;
        return s;
    }

    AccountAdministration administration(EntityManager em, SecurityStamps stamps) {
        AccountLifecycle lifecycle = new AccountLifecycle();
        lifecycle.bindings = bindings(em, stamps);
        lifecycle.stamps = stamps;
        AccountAdministration a = new AccountAdministration();
        a.em = em;
        a.hashes = new PlainHash();
        a.lifecycle = lifecycle;
        return a;
    }

    void createAccount(String name, String password, boolean enabled, Set<String> groups) {
        db.inTransaction(em -> {
            UserAccount a = new UserAccount(name, password == null ? null : PlainHash.PREFIX + password, null, name, groups, clock.instant());
            a.enabled(enabled);
            em.persist(a);
            return a;
        });
    }

    /** A CDI event double: records each event, then hands it to {@code then} (the observer). */
    @SuppressWarnings("unchecked")
    <T> Event<T> recording(Consumer<T> then) {
        return (Event<T>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class}, (p, m, a) -> {
            if (m.getName().equals("fire")) {
                events.add(a[0]);
                then.accept((T) a[0]);
            }
            return null;
        });
    }

    /** Not a real hash: the tests need a known format, not PBKDF2's cost. */
    static final class PlainHash implements Pbkdf2PasswordHash {

        static final String PREFIX = "plain:";

        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            return PREFIX + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            return hashedPassword.equals(generate(password));
        }
    }
}
