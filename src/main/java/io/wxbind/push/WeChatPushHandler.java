package io.wxbind.push;

import io.wxbind.config.PushConfig;
import io.wxbind.wechat.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The push protocol without the servlet API (steps 1-6 of {@code package-info}): URL
 * verification, and for a POST every check in order, then {@link PushDispatcher}, then the
 * answer. Anything refused is a {@link PushRejectedException} thrown before the database is
 * touched (except the replay check, which needs it).
 */
@ApplicationScoped
public class WeChatPushHandler {

    private static final Logger LOG = Logger.getLogger(WeChatPushHandler.class.getName());
    static final int MAX_ECHOSTR = 512;

    @Inject
    PushConfig config;

    @Inject
    PushDispatcher dispatcher;

    @Inject
    Event<WeChatPushEvent> events;

    @Inject
    Clock clock;

    private volatile PushXmlParser parser;

    /** Per appid, built on first use: the config is read once per deployment, and a cipher pools its AES state. */
    private final Map<String, WeChatCrypto> cryptos = new ConcurrentHashMap<>();

    /** The app behind {@code /wechat/push/{appId}}, or 404: an app without push config has no endpoint. */
    public PushConfig.App app(String appId) {
        return config.app(appId).orElseThrow(() -> new PushRejectedException(404, "no push endpoint for this app"));
    }

    /** The apps that have an endpoint, for the deployment log. */
    public List<PushConfig.App> apps() {
        return config.appList();
    }

    public int maxBodyBytes() {
        return config.maxBodyBytes();
    }

    /** Step 1: WeChat checks the URL once; the answer is {@code echostr} as is, in every mode (§6.1). */
    public PushResponse verifyUrl(PushConfig.App app, String rawQuery) {
        PushQuery query = PushQuery.parse(rawQuery);
        PushRequestVerifier.verify(app, query, clock.instant(), config.timestampWindow());
        String echo = query.get(PushQuery.ECHOSTR).orElseThrow(() -> PushRejectedException.badRequest("echostr missing"));
        if (echo.length() > MAX_ECHOSTR || echo.chars().anyMatch(Character::isISOControl)) {
            throw PushRejectedException.badRequest("echostr garbled");
        }
        return PushResponse.text(echo);
    }

    /** Steps 2-6 for a body already read within {@link #maxBodyBytes()}. */
    public PushResponse receive(PushConfig.App app, String rawQuery, byte[] body) {
        Instant now = clock.instant();
        PushQuery query = PushQuery.parse(rawQuery);
        long timestamp = PushRequestVerifier.verify(app, query, now, config.timestampWindow());
        WeChatCrypto crypto = cryptoFor(app, query);
        PushMessage message = open(app, query, crypto, parser().parse(body));
        WeChatPushEvent event = PushEventMapper.toEvent(app.appId(), message);
        AcceptedPush push = new AcceptedPush(app.appId(), timestamp, query.get(PushQuery.NONCE).orElseThrow(),
                query.get(PushQuery.SIGNATURE).orElseThrow(), sha256(body), sha256(message.dedupeKey().getBytes(StandardCharsets.UTF_8)),
                event);
        PushDispatcher.Outcome outcome = dispatcher.dispatch(push);
        LOG.fine(() -> "WeChat push " + event.getClass().getSimpleName() + " from " + LogSafe.shortId(event.openId()) + " for "
                + app.appId() + (outcome.fresh() ? " dispatched" : " seen before") + (outcome.reply().isPresent() ? ", replied" : ""));
        if (outcome.fresh()) {
            events.fireAsync(event).exceptionally(e -> {
                LOG.log(Level.WARNING, "An asynchronous observer of a WeChat push failed", e);
                return null;
            });
        }
        return outcome.reply().map(text -> reply(app, query, crypto, event, text, now)).orElseGet(PushResponse::success);
    }

    /** The cipher of an encrypted push, null for a plaintext one; refuses what the app's mode does not allow. */
    private WeChatCrypto cryptoFor(PushConfig.App app, PushQuery query) {
        boolean encrypted = query.encrypted();
        if (encrypted ? !app.acceptsEncrypted() : !app.acceptsPlain()) {
            throw PushRejectedException.badRequest(encrypted ? "this app takes plaintext pushes only" : "this app takes encrypted pushes only");
        }
        return encrypted ? cryptos.computeIfAbsent(app.appId(), id -> new WeChatCrypto(app.aesKey(), id)) : null;
    }

    /**
     * The plaintext message: the body itself, or (§7.4) the envelope's {@code Encrypt} after its
     * {@code msg_signature} and the appid inside. Compatible mode's plaintext copy next to
     * {@code Encrypt} is ignored: only the signed part counts.
     */
    private PushMessage open(PushConfig.App app, PushQuery query, WeChatCrypto crypto, PushMessage envelope) {
        if (crypto == null) {
            return envelope;
        }
        String encrypt = envelope.required(PushMessage.ENCRYPT);
        PushRequestVerifier.verifyMessage(app, query, encrypt);
        return parser().parse(crypto.decrypt(encrypt));
    }

    /** The passive text reply (§6.4), in the envelope of §7.4 when the push came encrypted. */
    private static PushResponse reply(PushConfig.App app, PushQuery query, WeChatCrypto crypto, WeChatPushEvent to, String text,
            Instant now) {
        String xml = PushReplyXml.text(to.openId(), to.accountId(), now, text);
        if (crypto == null) {
            return PushResponse.xml(xml);
        }
        String encrypt = crypto.encrypt(xml);
        String nonce = query.get(PushQuery.NONCE).orElseThrow(); // verified present; WeChat lets the reply echo it
        String timestamp = Long.toString(now.getEpochSecond());
        return PushResponse.xml(PushReplyXml.encrypted(encrypt, WeChatCrypto.signature(app.token(), timestamp, nonce, encrypt),
                now.getEpochSecond(), nonce));
    }

    private PushXmlParser parser() {
        PushXmlParser p = parser;
        if (p == null) {
            p = new PushXmlParser(config.maxBodyBytes());
            parser = p;
        }
        return p;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
