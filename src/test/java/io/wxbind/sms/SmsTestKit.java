package io.wxbind.sms;

import io.wxbind.config.SmsConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wires the SMS classes by hand (no container) around one EntityManager; records the SMS "sent". */
final class SmsTestKit {

    /** One message handed to the sender. */
    record Sms(String phone, String text) {
        String code() {
            Matcher m = Pattern.compile("your code is ([0-9]{6})").matcher(text);
            if (!m.find()) {
                throw new AssertionError("no code in " + text);
            }
            return m.group(1);
        }
    }

    final List<Sms> sent = new CopyOnWriteArrayList<>();
    final SmsConfig config;
    final Clock clock;
    volatile boolean senderDeployed = true;

    SmsTestKit(Clock clock, Map<String, String> settings) {
        this.clock = clock;
        this.config = SmsConfig.read(k -> Optional.ofNullable(settings.get(k)), "test-app-secret");
    }

    SmsCodeService service(EntityManager em) {
        JpaSmsCodeStore store = new JpaSmsCodeStore();
        store.em = em;
        store.config = config;
        store.clock = clock;
        JpaPhoneAccountResolver resolver = new JpaPhoneAccountResolver();
        resolver.em = em;
        SmsCodeService s = new SmsCodeService();
        s.config = config;
        s.store = store;
        s.accounts = resolver;
        s.delivery = delivery();
        s.init();
        return s;
    }

    /** The real delivery, running the sender on the calling thread. */
    SmsDelivery delivery() {
        SmsDelivery d = new SmsDelivery();
        d.senders = senders((phone, text) -> sent.add(new Sms(phone, text)));
        d.executor = Runnable::run;
        return d;
    }

    @SuppressWarnings("unchecked")
    Instance<SmsSender> senders(SmsSender sender) {
        return (Instance<SmsSender>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Instance.class},
                (p, m, a) -> switch (m.getName()) {
                    case "isResolvable" -> senderDeployed;
                    case "get" -> sender;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    Sms last(String phone) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).phone().equals(phone)) {
                return sent.get(i);
            }
        }
        throw new AssertionError("no SMS to " + phone);
    }
}
