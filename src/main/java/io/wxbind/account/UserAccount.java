package io.wxbind.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A local account of the demo portal (a portal may use its own store instead). The password
 * hash is Jakarta Security's {@code Pbkdf2PasswordHash} format, checked by the container's
 * identity store, never here. Changed only through {@link AccountAdministration}, which ends the
 * account's sessions and tokens when it matters.
 */
@Entity
@Table(name = "wxbind_user_account")
@NamedQuery(name = UserAccount.BY_USERNAME, query = "select a from UserAccount a where a.username = :username")
public class UserAccount {

    public static final String BY_USERNAME = "UserAccount.byUsername";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "phone", unique = true, length = 32)
    private String phone;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "wxbind_user_group",
            joinColumns = @JoinColumn(name = "username", referencedColumnName = "username"))
    @Column(name = "group_name", length = 64)
    private Set<String> groups = new LinkedHashSet<>();

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, String phone, String displayName, Set<String> groups, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.phone = phone;
        this.displayName = displayName;
        this.groups = new LinkedHashSet<>(groups);
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String phone() {
        return phone;
    }

    public Set<String> groups() {
        return Set.copyOf(groups);
    }

    public boolean enabled() {
        return enabled;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String hash) {
        passwordHash = hash;
    }

    void enabled(boolean on) {
        enabled = on;
    }
}
