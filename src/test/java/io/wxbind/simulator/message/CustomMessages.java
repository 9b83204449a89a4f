package io.wxbind.simulator.message;

import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.people.Subscriptions;
import io.wxbind.simulator.token.DailyQuota;
import java.time.Clock;

/**
 * Delivers a customer-service message (protocol §8) once its body is valid: 40003 when the
 * openid is no person's openid in this app, 45015 when the person does not follow the account,
 * 45009 past the daily quota (500 000 per app), then the sending window
 * ({@link ServiceWindows}: 45015 / 45047). A delivered message lands in the person's {@link Inbox}.
 */
public final class CustomMessages {

    public static final int DAILY_QUOTA = 500_000;

    private final SimPeople people;
    private final IdDerivation ids;
    private final Subscriptions subscriptions;
    private final ServiceWindows windows;
    private final Inbox inbox;
    private final DailyQuota quota;

    public CustomMessages(Clock clock, SimPeople people, IdDerivation ids, Subscriptions subscriptions,
            ServiceWindows windows, Inbox inbox) {
        this.people = people;
        this.ids = ids;
        this.subscriptions = subscriptions;
        this.windows = windows;
        this.inbox = inbox;
        this.quota = new DailyQuota(clock);
    }

    /** Sends {@code message} from official account {@code appId}; returns 0 or the errcode. */
    public int send(String appId, CustomMessage message) {
        SimPerson person = people.all().stream()
                .filter(p -> ids.openId(appId, p.id()).equals(message.toUser())).findFirst().orElse(null);
        if (person == null) {
            return 40003;
        }
        if (subscriptions.find(appId, person.id()).isEmpty()) {
            return ServiceWindows.OUT_OF_TIME;
        }
        if (!quota.tryAcquire(appId, DAILY_QUOTA)) {
            return 45009;
        }
        int errcode = windows.consume(appId, person.id());
        if (errcode == ServiceWindows.OK) {
            inbox.add(appId, person.id(), Inbox.Kind.CUSTOM, message.msgType(), message.text());
        }
        return errcode;
    }

    public void reset() {
        quota.reset();
    }
}
