package io.wxbind.sms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a text to the deployed {@link SmsSender}, if there is one, on the container's managed
 * executor. Off the request thread because a gateway can take seconds, and because the answer to
 * {@code send} must take as long for a phone with no account (nothing sent) as for one with.
 * A gateway failure is logged (never the text: it holds the code), not reported to the browser.
 */
@ApplicationScoped
public class SmsDelivery {

    private static final Logger LOG = Logger.getLogger(SmsDelivery.class.getName());

    @Inject
    Instance<SmsSender> senders;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor executor;

    /** False in a portal without an {@link SmsSender}: SMS binding is off. */
    public boolean available() {
        return senders.isResolvable();
    }

    void deliver(String phone, String text) {
        SmsSender sender = senders.get();
        try {
            executor.execute(() -> {
                try {
                    sender.send(phone, text);
                    LOG.fine(() -> "SMS code handed to the gateway for " + PhoneNumbers.masked(phone));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "SMS to " + PhoneNumbers.masked(phone) + " failed: " + e, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "SMS to " + PhoneNumbers.masked(phone) + " not queued: " + e);
        }
    }
}
