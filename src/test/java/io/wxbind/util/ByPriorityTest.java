package io.wxbind.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which contributed beans are asked: by @Priority of the bean class, unranked last, ties by class name. */
class ByPriorityTest {

    interface Step {
    }

    @Priority(1300)
    static class Late implements Step {
    }

    @Priority(100)
    static class Early implements Step {
    }

    static class Unranked implements Step {
    }

    @Priority(1300)
    static class AlsoLate implements Step {
    }

    /** A CDI {@code Instance} as the container hands it out: handles whose bean names the class (the instances may be proxies). */
    @SuppressWarnings("unchecked")
    private static Instance<Step> instance(Step... beans) {
        return (Instance<Step>) Proxy.newProxyInstance(ByPriorityTest.class.getClassLoader(), new Class<?>[] {Instance.class},
                (proxy, m, args) -> {
                    if (!m.getName().equals("handlesStream")) {
                        throw new AssertionError("only the handles are read, asked " + m.getName());
                    }
                    return List.of(beans).stream().map(b -> (Instance.Handle<Step>) Proxy.newProxyInstance(ByPriorityTest.class.getClassLoader(),
                            new Class<?>[] {Instance.Handle.class}, (p, hm, ha) -> switch (hm.getName()) {
                                case "get" -> b;
                                case "getBean" -> Proxy.newProxyInstance(ByPriorityTest.class.getClassLoader(), new Class<?>[] {Bean.class},
                                        (bp, bm, ba) -> {
                                            if (bm.getName().equals("getBeanClass")) {
                                                return b.getClass();
                                            }
                                            throw new AssertionError(bm.getName());
                                        });
                                default -> throw new AssertionError(hm.getName());
                            }));
                });
    }

    @Test
    void ofWhenPrioritiesThenLowestFirstUnrankedLastTiesByClassName() {
        Step late = new Late();
        Step early = new Early();
        Step unranked = new Unranked();
        Step alsoLate = new AlsoLate();
        assertEquals(List.of(early, alsoLate, late, unranked), ByPriority.of(instance(unranked, late, early, alsoLate)));
        assertEquals(List.of(early, alsoLate, late, unranked), ByPriority.of(instance(alsoLate, unranked, early, late)),
                "the same order whatever order CDI hands them out in");
    }

    @Test
    void ofWhenNoBeansThenEmpty() {
        assertEquals(List.of(), ByPriority.of(instance()));
    }
}
