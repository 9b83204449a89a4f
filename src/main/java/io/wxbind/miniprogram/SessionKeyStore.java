package io.wxbind.miniprogram;

import io.wxbind.db.WxBindData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The current {@code session_key} of each (mini program, openid), sealed by {@link SessionKeyVault}; one row, replaced on each login. */
@ApplicationScoped
@Transactional
public class SessionKeyStore {

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    SessionKeyVault vault;

    @Inject
    Clock clock;

    public void save(String appId, String openId, String sessionKey) {
        em.createNativeQuery("insert into wxbind_miniprogram_session (app_id, open_id, session_key_enc, updated_at) values (?1, ?2, ?3, ?4)"
                        + " on conflict (app_id, open_id) do update set session_key_enc = excluded.session_key_enc, updated_at = excluded.updated_at")
                .setParameter(1, appId).setParameter(2, openId).setParameter(3, vault.seal(appId, openId, sessionKey))
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
    }

    /** The session_key last stored for this user, if any and if it still opens under the configured secret. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> find(String appId, String openId) {
        List<?> rows = em.createNativeQuery("select session_key_enc from wxbind_miniprogram_session where app_id = ?1 and open_id = ?2")
                .setParameter(1, appId).setParameter(2, openId).getResultList();
        return rows.isEmpty() ? Optional.empty() : vault.open(appId, openId, (String) rows.get(0));
    }
}
