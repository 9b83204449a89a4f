package io.wxbind.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Optional;

/** The portal's users, read through its own persistence unit; passwords checked against their PBKDF2 hash. */
@ApplicationScoped
public class PortalUserStore {

    @PersistenceContext // the WAR's only unit: WxBind shares it (PortalWeChatDefinition)
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashes;

    public Optional<PortalUser> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(em.find(PortalUser.class, name));
    }

    public Optional<PortalUser> check(String name, String password) {
        return find(name).filter(u -> password != null && hashes.verify(password.toCharArray(), u.passwordHash()));
    }
}
