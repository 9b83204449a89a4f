package io.wxbind.portal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The portal's own users (a real portal has a table or LDAP): name → password and groups. */
final class PortalUsers {

    record User(String name, String password, Set<String> groups) {
    }

    static final Map<String, User> ALL = Map.of(
            "carol", new User("carol", "carol-portal-pw", Set.of("user")),
            "dave", new User("dave", "dave-portal-pw", Set.of("user", "staff")));

    private PortalUsers() {
    }

    static Optional<User> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }
}
