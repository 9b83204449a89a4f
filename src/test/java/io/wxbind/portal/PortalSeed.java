package io.wxbind.portal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Creates the portal's table and its two sample users at start-up, as a real portal's own schema
 * tooling would. Both sample WARs may start at once on one database: the advisory lock serialises them.
 */
@Singleton
@Startup
public class PortalSeed {

    /** name → password and comma-separated groups. */
    static final Map<String, String[]> USERS = Map.of(
            "carol", new String[] {"carol-portal-pw", "user"},
            "dave", new String[] {"dave-portal-pw", "user,staff"},
            "erin", new String[] {"erin-portal-pw", "user,admin"});

    @PersistenceContext // the WAR's only unit: WxBind shares it (PortalWeChatDefinition)
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashes;

    @PostConstruct
    void seed() {
        em.createNativeQuery("select pg_advisory_xact_lock(7201)").getSingleResult();
        em.createNativeQuery("create table if not exists portal_user (name varchar(64) primary key,"
                + " password_hash varchar(512) not null, groups_csv varchar(512) not null)").executeUpdate();
        USERS.forEach((name, pw) -> em.createNativeQuery("insert into portal_user (name, password_hash, groups_csv)"
                        + " values (?, ?, ?) on conflict (name) do nothing")
                .setParameter(1, name).setParameter(2, hashes.generate(pw[0].toCharArray())).setParameter(3, pw[1])
                .executeUpdate());
    }
}
