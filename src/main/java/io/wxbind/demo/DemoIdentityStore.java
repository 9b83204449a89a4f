package io.wxbind.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The demo portal's own users, checked by the container's standard database identity store.
 * The bind form validates passwords through {@code IdentityStoreHandler}, so a portal that has
 * its own store (LDAP, database, custom) works the same way. A disabled account has no password
 * as far as this store is concerned: it answers like a wrong one and reveals nothing.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/wxbind",
        callerQuery = "select password_hash from wxbind_user_account where username = ? and enabled",
        groupsQuery = "select group_name from wxbind_user_group where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        priority = 20)
public class DemoIdentityStore {
}
