package io.wxbind.qr;

import io.wxbind.token.WeChatServerApi;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A push carries only the openid (§9); {@code cgi-bin/user/info} adds the unionid when the
 * account belongs to an open platform. Best effort: a binding does not wait on it.
 */
@ApplicationScoped
public class UnionIdLookup {

    private static final Logger LOG = Logger.getLogger(UnionIdLookup.class.getName());

    @Inject
    WeChatServerApi api;

    public Optional<String> of(String appId, String openId) {
        try {
            var json = api.get(appId, "/cgi-bin/user/info", Map.of("openid", openId, "lang", "zh_CN")).json();
            String union = json.getString("unionid", null);
            return union == null || union.isBlank() ? Optional.empty() : Optional.of(union);
        } catch (WeChatApiException | WeChatUnavailableException | IllegalArgumentException e) {
            LOG.fine(() -> "no unionid from user/info: " + e.getMessage());
            return Optional.empty();
        }
    }
}
