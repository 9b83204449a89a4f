package io.wxbind.simulator.push;

import io.wxbind.simulator.RandomIds;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * POSTs a push to a developer server the way WeChat does (protocol §6.2–§6.3, §7):
 *
 * <pre>
 * 1. envelope: fresh timestamp + nonce, signature(s), body for the mode   ({@link PushEnvelope})
 * 2. POST, Content-Type text/xml, wait at most the timeout (5 s)
 * 3. judge the answer: success / empty / valid passive reply?              ({@link ReplyCheck})
 * 4. not accepted → again from 1 with the same message (same CreateTime, MsgId), up to 3 retries
 * </pre>
 *
 * The message is never changed between deliveries, so the developer server can dedupe on
 * {@code MsgId} or {@code FromUserName + CreateTime}; timestamp, nonce and the encryption's random
 * prefix are new each time, as for any new request. The {@code timestamp} comes from the clock
 * given here, the wall clock in the simulator: developer servers refuse pushes whose timestamp is
 * far from their own time, and tests move only the simulator's clock.
 */
public final class PushSender {

    private static final Logger LOG = Logger.getLogger(PushSender.class.getName());

    /** Every delivery, in order; {@code problem} is set when nothing could be sent at all. */
    public record Result(List<PushAttempt> attempts, String problem) {

        public boolean delivered() {
            return !attempts.isEmpty() && attempts.get(attempts.size() - 1).accepted();
        }

        public PassiveReply reply() {
            return delivered() ? attempts.get(attempts.size() - 1).reply() : null;
        }

        /** Why it failed: the setup problem, else the last delivery's problem; null when delivered. */
        public String failure() {
            if (delivered()) {
                return null;
            }
            return problem != null ? problem : attempts.get(attempts.size() - 1).problem();
        }
    }

    private final HttpClient http;
    private final Clock clock;
    private final RetryPolicy policy;

    public PushSender(Clock clock, RetryPolicy policy) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PushTarget.WECHAT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = clock;
        this.policy = policy;
    }

    public Result send(PushTarget target, PushMessage message) {
        if (target.url() == null) {
            return new Result(List.of(), "no push URL");
        }
        if (target.token() == null || target.token().isEmpty()) {
            return new Result(List.of(), "the app has no push token configured (app.<appid>.token)");
        }
        List<PushAttempt> attempts = new ArrayList<>();
        for (int number = 1;; number++) {
            PushAttempt attempt = deliver(number, target, message);
            attempts.add(attempt);
            LOG.fine(() -> "push " + message.kind() + " to " + target + ": delivery " + attempt.number() + " "
                    + attempt.outcome() + (attempt.problem() == null ? "" : " (" + attempt.problem() + ")"));
            if (Thread.currentThread().isInterrupted() || !policy.retryAfter(attempt)) {
                return new Result(List.copyOf(attempts), null);
            }
        }
    }

    private PushAttempt deliver(int number, PushTarget target, PushMessage message) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = String.valueOf(Math.floorMod(RandomIds.nextInt(), 2_000_000_000) + 100_000_000);
        PushEnvelope envelope = PushEnvelope.of(target, message, timestamp, nonce, RandomIds.alphanumeric(16));
        HttpRequest request = HttpRequest.newBuilder(envelope.uri()).timeout(target.timeout())
                .header("Content-Type", "text/xml").header("User-Agent", "Mozilla/4.0")
                .POST(HttpRequest.BodyPublishers.ofString(envelope.body(), StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = answer.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
            long elapsed = elapsedMs(start);
            if (response.statusCode() != 200) {
                return new PushAttempt(number, PushAttempt.Outcome.HTTP_ERROR, response.statusCode(), elapsed,
                        "HTTP " + response.statusCode(), null);
            }
            ReplyCheck.Result checked = ReplyCheck.check(target, message,
                    new String(response.body(), StandardCharsets.UTF_8));
            return checked.valid()
                    ? new PushAttempt(number, PushAttempt.Outcome.ACCEPTED, 200, elapsed, null, checked.reply())
                    : new PushAttempt(number, PushAttempt.Outcome.INVALID_REPLY, 200, elapsed, checked.problem(), null);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return timedOut(number, target.timeout(), start);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return timedOut(number, target.timeout(), start);
            }
            return new PushAttempt(number, PushAttempt.Outcome.UNREACHABLE, 0, elapsedMs(start),
                    "cannot reach " + target.url() + ": " + e.getCause(), null);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new PushAttempt(number, PushAttempt.Outcome.UNREACHABLE, 0, elapsedMs(start), "interrupted", null);
        }
    }

    private static PushAttempt timedOut(int number, Duration timeout, long start) {
        return new PushAttempt(number, PushAttempt.Outcome.TIMEOUT, 0, elapsedMs(start),
                "no answer within " + timeout.toMillis() + " ms", null);
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
