package io.wxbind.testsupport;

import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CDI {@code Event} stand-in that only records what was fired synchronously (e.g. audit events). */
public final class FiredEvents<T> {

    public final List<T> fired = new CopyOnWriteArrayList<>();

    @SuppressWarnings("unchecked")
    public Event<T> event() {
        return (Event<T>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (p, m, a) -> switch (m.getName()) {
                    case "fire" -> {
                        fired.add((T) a[0]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
