package io.wxbind.testsupport;

import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;

/** A CDI {@code Event} double for unit tests: {@code fire} hands each event to a consumer (a list's {@code add}, an observer). */
public final class RecordingEvents {

    private RecordingEvents() {
    }

    public static <T> Event<T> into(List<T> sink) {
        return to(sink::add);
    }

    @SuppressWarnings("unchecked")
    public static <T> Event<T> to(Consumer<T> observer) {
        return (Event<T>) Proxy.newProxyInstance(RecordingEvents.class.getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        observer.accept((T) args[0]);
                        return null;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "RecordingEvents";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
