package io.wxbind.push;

import io.wxbind.metrics.WxBindMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Steps 3-4 of the push sequence ({@code package-info}), in one transaction: refuse a signed
 * query coming back with another body, answer a message seen before from the table, and fire
 * {@link PushReceived} for a new one, storing the reply an observer gave. Observers' own database
 * work joins this transaction, so "processed" and its effects commit together; if an observer
 * fails, nothing is recorded and WeChat's retry is processed afresh.
 */
@ApplicationScoped
public class PushDispatcher {

    /** Under WeChat's 5 s, so that a retry behind a slow first delivery still answers in time. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(4);

    @Inject
    PushDedupeStore store;

    @Inject
    Event<PushReceived> received;

    @Inject
    Clock clock;

    /** What happened: {@code fresh} if observers saw the push now, and the reply to send. */
    public record Outcome(boolean fresh, Optional<String> reply) {
    }

    @Transactional
    public Outcome dispatch(AcceptedPush push) {
        store.limitLockWait(LOCK_WAIT);
        if (!store.rememberRequest(push.appId(), push.timestamp(), push.nonce(), push.signature(), push.bodySha256(),
                clock.instant())) {
            throw PushRejectedException.forbidden("signed query replayed with another body");
        }
        if (!store.claimMessage(push.appId(), push.msgKey(), clock.instant())) {
            return new Outcome(false, store.storedReply(push.appId(), push.msgKey()));
        }
        PushReceived event = new PushReceived(push.event());
        received.fire(event);
        WxBindMetrics.pushReceived(push.event().getClass().getSimpleName());
        event.reply().ifPresent(text -> store.saveReply(push.appId(), push.msgKey(), text));
        return new Outcome(true, event.reply());
    }
}
