package io.wxbind.portal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user of the portal, in the portal's own persistence unit {@code portal} and its own table:
 * the portal uses JPA itself, next to WxBind's unit {@code wxbind} in the same WAR.
 */
@Entity
@Table(name = "portal_user")
public class PortalUser {

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    /** Comma-separated: enough for a sample. */
    @Column(name = "groups_csv", nullable = false, length = 512)
    private String groups;

    protected PortalUser() {
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<String> groups() {
        return Arrays.stream(groups.split(",")).filter(g -> !g.isBlank()).collect(Collectors.toUnmodifiableSet());
    }
}
