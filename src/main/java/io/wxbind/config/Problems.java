package io.wxbind.config;

import java.util.List;

/**
 * The one shape of a configuration failure: a title, then every problem on its own line, each
 * naming its key. A problem found twice (a key two records read) is listed once.
 */
final class Problems {

    private Problems() {
    }

    static void throwIfAny(String title, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(title + ":\n  - " + String.join("\n  - ", problems.stream().distinct().toList()));
        }
    }

    static int distinct(List<String> problems) {
        return (int) problems.stream().distinct().count();
    }
}
