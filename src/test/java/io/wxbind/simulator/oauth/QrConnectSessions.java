package io.wxbind.simulator.oauth;

import io.wxbind.simulator.PurgeSchedule;
import io.wxbind.simulator.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Website QR logins waiting on a phone (protocol §2): the desktop page shows a QR code for a
 * random {@code uuid} and polls; a phone scans it (the confirmation screen opens), then allows or
 * denies. The uuid lives 5 minutes; only a waiting code can be scanned, only the person who
 * scanned can answer, once. The desktop learns the outcome (where to send the browser) once:
 * after that poll the uuid is gone, so a second poller gets nothing.
 */
public final class QrConnectSessions {

    public static final Duration TTL = Duration.ofMinutes(5);

    /** What the desktop page sees; WeChat's own page polls for the codes 408 / 404 / 405 / 403 / 402. */
    public enum Status {
        WAITING(408), SCANNED(404), CONFIRMED(405), DENIED(403), EXPIRED(402);

        private final int wxErrcode;

        Status(int wxErrcode) {
            this.wxErrcode = wxErrcode;
        }

        public int wxErrcode() {
            return wxErrcode;
        }
    }

    /** A poll's answer: {@code redirect} (absolute) is set once the phone answered. */
    public record Poll(Status status, String redirect) {
    }

    /** Why a phone's scan or answer was refused; null when it was accepted. */
    public enum Refusal {
        UNKNOWN, EXPIRED, ALREADY_SCANNED, NOT_SCANNED_BY_YOU
    }

    private static final class Entry {
        private final AuthorizeRequest request;
        private final Instant expiresAt;
        private Status status = Status.WAITING;
        private String personId;
        private String redirect;

        private Entry(AuthorizeRequest request, Instant expiresAt) {
            this.request = request;
            this.expiresAt = expiresAt;
        }
    }

    private final Clock clock;
    private final Map<String, Entry> byUuid = new HashMap<>();
    private final PurgeSchedule purge = new PurgeSchedule();

    public QrConnectSessions(Clock clock) {
        this.clock = clock;
    }

    /** The desktop opened qrconnect: a new QR code, waiting. */
    public synchronized String open(AuthorizeRequest request) {
        Instant now = clock.instant();
        if (purge.due(now)) {
            byUuid.values().removeIf(e -> !now.isBefore(e.expiresAt.plus(TTL)));
        }
        String uuid = RandomIds.alphanumeric(16);
        byUuid.put(uuid, new Entry(request, now.plus(TTL)));
        return uuid;
    }

    /** The app the QR code logs in to, while it can still be scanned or answered. */
    public synchronized Optional<AuthorizeRequest> request(String uuid) {
        Entry e = live(uuid);
        return e == null ? Optional.empty() : Optional.of(e.request);
    }

    /** A phone scanned the code: its confirmation screen opens. Scanning again by the same person is fine. */
    public synchronized Refusal scan(String uuid, String personId) {
        Entry e = byUuid.get(uuid == null ? "" : uuid);
        if (e == null) {
            return Refusal.UNKNOWN;
        }
        if (!clock.instant().isBefore(e.expiresAt)) {
            return Refusal.EXPIRED;
        }
        if (e.status == Status.SCANNED && personId.equals(e.personId)) {
            return null;
        }
        if (e.status != Status.WAITING) {
            return Refusal.ALREADY_SCANNED;
        }
        e.status = Status.SCANNED;
        e.personId = personId;
        return null;
    }

    /**
     * The person who scanned answers; {@code redirect} is where WeChat sends the desktop (computed
     * by the caller: a code on allow, the state only on deny).
     */
    public synchronized Refusal answer(String uuid, String personId, boolean allow, Function<AuthorizeRequest, String> redirect) {
        Entry e = live(uuid);
        if (e == null) {
            return byUuid.containsKey(uuid == null ? "" : uuid) ? Refusal.EXPIRED : Refusal.UNKNOWN;
        }
        if (e.status != Status.SCANNED || !personId.equals(e.personId)) {
            return Refusal.NOT_SCANNED_BY_YOU;
        }
        e.status = allow ? Status.CONFIRMED : Status.DENIED;
        e.redirect = redirect.apply(e.request);
        return null;
    }

    /** {@link #answer(String, String, boolean, Function)} as WeChat does it: allow → a single-use 5-minute code for the app and this person, deny → state only. */
    public Refusal answer(String uuid, String personId, boolean allow, AuthCodes codes) {
        return answer(uuid, personId, allow, request -> allow
                ? request.redirectWithCode(codes.issue(new CodeGrant(request.app().appId(), personId, request.scope(), false)))
                : request.redirectDenied());
    }

    /** The desktop page asks; an answer with a redirect is given once, then the uuid is forgotten. */
    public synchronized Poll poll(String uuid) {
        Entry e = byUuid.get(uuid == null ? "" : uuid);
        if (e == null) {
            return new Poll(Status.EXPIRED, null);
        }
        if (e.redirect != null) {
            byUuid.remove(uuid);
            return new Poll(e.status, e.redirect);
        }
        if (!clock.instant().isBefore(e.expiresAt)) {
            byUuid.remove(uuid);
            return new Poll(Status.EXPIRED, null);
        }
        return new Poll(e.status, null);
    }

    public synchronized void reset() {
        byUuid.clear();
        purge.reset();
    }

    private Entry live(String uuid) {
        Entry e = byUuid.get(uuid == null ? "" : uuid);
        return e == null || !clock.instant().isBefore(e.expiresAt) || e.redirect != null ? null : e;
    }
}
