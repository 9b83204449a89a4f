package io.wxbind.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Delivery runs on the executor, and a broken gateway or a full executor never reaches the caller. */
class SmsDeliveryTest {

    private final SmsTestKit kit = new SmsTestKit(new MutableClock(), Map.of());

    @Test
    void deliverWhenSenderDeployedThenRunsOnTheExecutor() {
        List<Runnable> queued = new ArrayList<>();
        SmsDelivery d = kit.delivery();
        d.executor = queued::add;
        d.deliver("+8613800000001", "your code is 123456");
        assertTrue(kit.sent.isEmpty(), "not on the request thread");
        queued.forEach(Runnable::run);
        assertEquals("123456", kit.last("+8613800000001").code());
    }

    @Test
    void deliverWhenGatewayThrowsOrExecutorRefusesThenCallerUnaffected() {
        SmsDelivery d = kit.delivery();
        d.senders = kit.senders((phone, text) -> {
            throw new IllegalStateException("gateway down");
        });
        d.deliver("+8613800000001", "your code is 123456");
        d.executor = r -> {
            throw new RejectedExecutionException("full");
        };
        d.deliver("+8613800000001", "your code is 123456");
    }

    @Test
    void availableWhenNoSenderBeanThenFalse() {
        SmsDelivery d = kit.delivery();
        assertTrue(d.available());
        kit.senderDeployed = false;
        assertFalse(d.available());
    }
}
