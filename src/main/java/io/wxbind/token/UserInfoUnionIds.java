package io.wxbind.token;

import io.wxbind.config.ServerTokenConfig;
import io.wxbind.wechat.FollowerUnionIds;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@link FollowerUnionIds} by {@code cgi-bin/user/info} (protocol §9) with the server token this
 * package keeps: one call, its token retries included ({@link WeChatServerApi}). A non-follower
 * is answered {@code subscribe: 0} and no unionid; an app without a kept token is not asked.
 */
@ApplicationScoped
public class UserInfoUnionIds implements FollowerUnionIds {

    private static final Logger LOG = Logger.getLogger(UserInfoUnionIds.class.getName());

    @Inject
    WeChatServerApi api;

    @Inject
    ServerTokenConfig tokens;

    @Override
    public Optional<String> of(String appId, String openId) {
        if (!tokens.enabled() || !tokens.apps().containsKey(appId)) {
            LOG.fine(() -> "no server token kept for " + appId + ": user/info not asked");
            return Optional.empty();
        }
        try {
            var json = api.get(appId, "/cgi-bin/user/info", Map.of("openid", openId, "lang", "zh_CN")).json();
            String union = json.getString("unionid", null);
            return union == null || union.isBlank() ? Optional.empty() : Optional.of(union);
        } catch (WeChatApiException | WeChatUnavailableException | IllegalArgumentException | IllegalStateException e) {
            LOG.fine(() -> "no unionid from user/info for " + LogSafe.shortId(openId) + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
