package io.wxbind.util;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;

/**
 * The beans contributed to an extension point (login entries, bind proofs, ...) in one clear
 * order: by the {@link Priority} on the bean class, lowest first, a class without one last, then
 * by class name, so every node and every server asks them in the same order. CDI itself
 * promises no order for {@code Instance}.
 */
public final class ByPriority {

    /** Without {@code @Priority}: after every bean that has one. */
    static final int UNRANKED = Integer.MAX_VALUE;

    private ByPriority() {
    }

    public static <T> List<T> of(Instance<T> beans) {
        record Ranked<T>(int priority, String name, T bean) {
        }
        return beans.handlesStream().map(h -> {
            Class<?> type = h.getBean().getBeanClass();
            Priority priority = type.getAnnotation(Priority.class);
            return new Ranked<T>(priority == null ? UNRANKED : priority.value(), type.getName(), h.get());
        }).sorted(Comparator.<Ranked<T>>comparingInt(Ranked::priority).thenComparing(Ranked::name)).map(Ranked::bean).toList();
    }
}
