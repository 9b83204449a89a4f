package io.wxbind.account;

import io.wxbind.db.WxBindData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/**
 * Changes to WxBind's own accounts ({@link UserAccount}) that decide who may act as them: each
 * ends the account's sessions and bearer tokens on every node (through {@link AccountLifecycle})
 * in the same transaction. Enabling an account ends nothing (there is nothing left to end).
 * A portal with its own accounts calls {@link AccountLifecycle} instead.
 */
@ApplicationScoped
@Transactional
public class AccountAdministration {

    /** How a password change went; {@code newStamp} is set when it was changed. */
    public record PasswordChange(Outcome outcome, String newStamp) {

        public enum Outcome { CHANGED, WRONG_PASSWORD, NO_PASSWORD, NO_ACCOUNT }
    }

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashes;

    @Inject
    AccountLifecycle lifecycle;

    /** The current password must be right; a WeChat-registered account has none to change. */
    public PasswordChange changePassword(String name, char[] current, char[] next) {
        Optional<UserAccount> account = locked(name);
        if (account.isEmpty()) {
            return new PasswordChange(PasswordChange.Outcome.NO_ACCOUNT, null);
        }
        String stored = account.get().passwordHash();
        if (stored == null) {
            return new PasswordChange(PasswordChange.Outcome.NO_PASSWORD, null);
        }
        if (!hashes.verify(current, stored)) {
            return new PasswordChange(PasswordChange.Outcome.WRONG_PASSWORD, null);
        }
        account.get().passwordHash(hashes.generate(next));
        return new PasswordChange(PasswordChange.Outcome.CHANGED, lifecycle.revoke(name, RevocationReason.PASSWORD_CHANGED));
    }

    /**
     * In SQL: EclipseLink writes a null join column when it updates a collection joined on a
     * non-key column ({@code username}). @return false when there is no such account
     */
    public boolean setGroups(String name, Set<String> groups) {
        Optional<UserAccount> account = locked(name);
        account.ifPresent(a -> {
            em.createNativeQuery("delete from wxbind_user_group where username = ?1").setParameter(1, name).executeUpdate();
            for (String group : groups) {
                em.createNativeQuery("insert into wxbind_user_group (username, group_name) values (?1, ?2)").setParameter(1, name)
                        .setParameter(2, group).executeUpdate();
            }
            lifecycle.revoke(name, RevocationReason.GROUPS_CHANGED);
        });
        return account.isPresent();
    }

    /** @return false when there is no such account */
    public boolean setEnabled(String name, boolean enabled) {
        Optional<UserAccount> account = locked(name);
        account.ifPresent(a -> {
            a.enabled(enabled);
            if (!enabled) {
                lifecycle.revoke(name, RevocationReason.DISABLED);
            }
        });
        return account.isPresent();
    }

    /** The account, its groups and its WeChat bindings go; a new account of the same name starts with nothing. @return false when there is none */
    public boolean delete(String name) {
        Optional<UserAccount> account = locked(name);
        account.ifPresent(a -> {
            // Its groups go by the foreign key's "on delete cascade".
            em.createNativeQuery("delete from wxbind_user_account where username = ?1").setParameter(1, name).executeUpdate();
            em.detach(a);
            lifecycle.deleted(name);
        });
        return account.isPresent();
    }

    /** Row-locked, so two admins changing one account at once are applied one after the other. */
    private Optional<UserAccount> locked(String name) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class).setParameter("username", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }
}
