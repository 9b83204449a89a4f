package io.wxbind.push;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.logging.Logger;

/**
 * Records follows and unfollows on the binding. An unfollow does not unbind: the person can
 * still log in on the web; it only tells the portal (and the custom-message rules) why WeChat
 * will refuse to message them.
 */
@ApplicationScoped
public class FollowStateObserver {

    private static final Logger LOG = Logger.getLogger(FollowStateObserver.class.getName());

    @Inject
    @WxBindData
    EntityManager em;

    @Transactional
    void onPush(@Observes PushReceived push) {
        if (push.event() instanceof UnsubscribeEvent u) {
            int rows = update(u.appId(), u.openId(), Timestamp.from(u.createTime()));
            LOG.fine(() -> "unfollow recorded on " + rows + " binding(s)");
        } else if (push.event() instanceof SubscribeEvent s) {
            update(s.appId(), s.openId(), null);
        }
    }

    /** A literal null to clear: a bound null parameter has no type PostgreSQL could use. */
    private int update(String appId, String openId, Timestamp unfollowedAt) {
        if (unfollowedAt == null) {
            return em.createNativeQuery("update wxbind_wechat_openid set unfollowed_at = null where app_id = ?1 and open_id = ?2")
                    .setParameter(1, appId).setParameter(2, openId).executeUpdate();
        }
        return em.createNativeQuery("update wxbind_wechat_openid set unfollowed_at = ?1 where app_id = ?2 and open_id = ?3")
                .setParameter(1, unfollowedAt).setParameter(2, appId).setParameter(3, openId).executeUpdate();
    }
}
