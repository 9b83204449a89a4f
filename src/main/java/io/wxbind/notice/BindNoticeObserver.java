package io.wxbind.notice;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.WeChatOpenId;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.config.WeChatConfig;
import io.wxbind.token.WeChatServerApi;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * When a new WeChat is bound to an account (any way: QR, bind form, link), tells the account
 * holder on the WeChats already bound to it, by customer-service message (protocol §8): a
 * binding made with a stolen session is then noticed. After the binding committed and off the
 * request thread; best effort, never failing the binding (WeChat refuses messages outside the
 * person's 48-hour window, 45015, and apps without a configured server token cannot send).
 */
@ApplicationScoped
public class BindNoticeObserver {

    private static final Logger LOG = Logger.getLogger(BindNoticeObserver.class.getName());
    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();
    /** At most this many notices per new binding (the newest bindings): one binding must not fan out unbounded. */
    static final int MAX_NOTICES = 10;

    @Resource
    ManagedExecutorService executor;

    @Inject
    AccountBindingService bindings;

    @Inject
    WeChatServerApi api;

    @Inject
    WeChatConfig config;

    void onBound(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent event) {
        if (event.kind() != AuditKind.BOUND || event.account() == null) {
            return;
        }
        try {
            executor.execute(() -> notifyOthers(event));
        } catch (RuntimeException e) {
            LOG.fine(() -> "bind notice not scheduled: " + e);
        }
    }

    /** The account's other bindings (newest first, at most {@link #MAX_NOTICES}), not the new one nor the same person's other apps. */
    void notifyOthers(AuditEvent event) {
        List<WeChatOpenId> all = bindings.bindingsOf(event.account());
        String newUnion = all.stream().filter(b -> isNew(b, event)).map(WeChatOpenId::unionId).filter(Objects::nonNull)
                .findFirst().orElse(null);
        String text = "Security notice: another WeChat was just bound to your account on " + site() + ". If this was not you, "
                + "log in there, remove the new binding and change your password.";
        IntStream.range(0, all.size()).mapToObj(i -> all.get(all.size() - 1 - i)).filter(b -> !isNew(b, event) && (newUnion == null || !newUnion.equals(b.unionId())))
                .limit(MAX_NOTICES).forEach(b -> send(b, text));
    }

    private static boolean isNew(WeChatOpenId b, AuditEvent event) {
        return b.appId().equals(event.appId()) && LogSafe.shortId(b.openId()).equals(event.shortOpenId());
    }

    private void send(WeChatOpenId to, String text) {
        try {
            api.postJson(to.appId(), "/cgi-bin/message/custom/send", JSON.createObjectBuilder().add("touser", to.openId())
                    .add("msgtype", "text").add("text", JSON.createObjectBuilder().add("content", text)).build());
        } catch (WeChatApiException | WeChatUnavailableException | IllegalArgumentException e) {
            LOG.fine(() -> "bind notice to " + LogSafe.shortId(to.openId()) + " not sent: " + e.getMessage());
        }
    }

    private String site() {
        return config.publicBaseUrl() == null || config.publicBaseUrl().getHost() == null ? "this site"
                : config.publicBaseUrl().getHost();
    }
}
