package io.wxbind.simulator.qr;

import io.wxbind.simulator.PurgeSchedule;
import io.wxbind.simulator.RandomIds;
import io.wxbind.simulator.token.DailyQuota;
import io.wxbind.simulator.web.QueryParams;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The QR tickets issued by {@code qrcode/create}, by ticket and by encoded URL. Tickets look like
 * WeChat's: Base64 (with {@code +}, {@code /}, {@code =}, so clients must URL-encode them, §5.2) of
 * a small binary record holding the URL and the creation and expiry times. Creating the same
 * permanent scene again returns the existing code [U]. Expired temporary codes stay known (so a
 * scan can say "expired") until a later creation purges them. 100 000 creations per app per day,
 * then 45009.
 */
public final class QrTickets {

    public static final String URL_PREFIX = "http://weixin.qq.com/q/";
    public static final int DAILY_QUOTA = 100_000;

    /** A created code, or the errcode that refused it. */
    public record Created(QrCode code, int errcode) {
    }

    private final Clock clock;
    private final DailyQuota quota;
    private final int dailyQuota;
    private final PurgeSchedule purge = new PurgeSchedule();
    private final Map<String, QrCode> byTicket = new LinkedHashMap<>();
    private final Map<String, QrCode> byUrl = new HashMap<>();
    private final Map<String, QrCode> permanentByScene = new HashMap<>();

    public QrTickets(Clock clock) {
        this(clock, DAILY_QUOTA);
    }

    QrTickets(Clock clock, int dailyQuota) {
        this.clock = clock;
        this.quota = new DailyQuota(clock);
        this.dailyQuota = dailyQuota;
    }

    public synchronized Created create(String appId, QrRequest request) {
        if (!quota.tryAcquire(appId, dailyQuota)) {
            return new Created(null, 45009);
        }
        Instant now = clock.instant();
        purgeExpired(now);
        String sceneKey = appId + '\0' + request.action().stringScene() + '\0' + request.sceneValue();
        if (request.action().permanent() && permanentByScene.containsKey(sceneKey)) {
            return new Created(permanentByScene.get(sceneKey), 0);
        }
        String url = URL_PREFIX + RandomIds.alphanumeric(22);
        Instant expiresAt = request.action().permanent() ? null : now.plusSeconds(request.expireSeconds());
        QrCode code = new QrCode(ticket(url, now, expiresAt), url, appId, request, now, expiresAt);
        byTicket.put(code.ticket(), code);
        byUrl.put(url, code);
        if (request.action().permanent()) {
            permanentByScene.put(sceneKey, code);
        }
        return new Created(code, 0);
    }

    /** The code of {@code ticket}, expired or not; check {@link QrCode#expiredAt}. */
    public synchronized Optional<QrCode> find(String ticket) {
        return ticket == null ? Optional.empty() : Optional.ofNullable(byTicket.get(ticket));
    }

    /** A valid (known, unexpired) code. */
    public synchronized Optional<QrCode> valid(String ticket) {
        return find(ticket).filter(c -> !c.expiredAt(clock.instant()));
    }

    /**
     * What a phone camera might read or a person might paste: a ticket, a {@code showqrcode} URL
     * with {@code ?ticket=}, or the URL inside the QR image.
     */
    public synchronized Optional<QrCode> lookup(String scanned) {
        if (scanned == null || scanned.isBlank()) {
            return Optional.empty();
        }
        String text = scanned.trim();
        QrCode code = byUrl.get(text.startsWith("https://") ? "http://" + text.substring(8) : text);
        if (code != null) {
            return Optional.of(code);
        }
        if (text.contains("ticket=")) {
            try {
                return find(QueryParams.parse(URI.create(text.replace(" ", "%20")).getRawQuery()).get("ticket"));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return find(text);
    }

    /** The newest valid codes of {@code appId}, newest first, for the phone page to offer. */
    public synchronized List<QrCode> recent(String appId, int limit) {
        Instant now = clock.instant();
        List<QrCode> valid = new ArrayList<>(byTicket.values().stream()
                .filter(c -> c.appId().equals(appId) && !c.expiredAt(now)).toList());
        java.util.Collections.reverse(valid);
        return valid.subList(0, Math.min(limit, valid.size()));
    }

    public synchronized void reset() {
        byTicket.clear();
        byUrl.clear();
        permanentByScene.clear();
        quota.reset();
        purge.reset();
    }

    /** Forgets codes expired for over an hour; runs at most once a minute. */
    private void purgeExpired(Instant now) {
        if (!purge.due(now)) {
            return;
        }
        byTicket.values().removeIf(c -> c.expiredAt(now.minusSeconds(3600)));
        byUrl.values().removeIf(c -> c.expiredAt(now.minusSeconds(3600)));
    }

    /** Mimics the observed layout: a header, then TLV 1 = URL (NUL-terminated), 2 = created, 3 = expires. */
    private static String ticket(String url, Instant createdAt, Instant expiresAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[13];
        header[0] = (byte) 0x81;
        header[1] = 0x01;
        ByteBuffer.wrap(header, 2, 4).putInt(RandomIds.nextInt());
        out.writeBytes(header);
        byte[] urlBytes = (url + '\0').getBytes(StandardCharsets.US_ASCII);
        out.write(1);
        out.write(urlBytes.length);
        out.writeBytes(urlBytes);
        out.writeBytes(tlvTime(2, createdAt));
        out.writeBytes(tlvTime(3, expiresAt == null ? Instant.EPOCH : expiresAt));
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Observed bytes "02 04 <4 bytes>": the tag, the length 4, the Unix time little-endian. */
    private static byte[] tlvTime(int tag, Instant time) {
        return ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).put((byte) tag).put((byte) 4)
                .putInt((int) time.getEpochSecond()).array();
    }
}
