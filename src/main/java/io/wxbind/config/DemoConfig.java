package io.wxbind.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo ({@code io.wxbind.demo}, WAR only): never set in production.
 *
 * @param seedAccounts create the demo accounts alice and bob ({@code wxbind.demo.seed-accounts}, false)
 * @param smsInboxUrl  where the demo's SMS sender drops messages, the simulator's {@code POST <sim>/control/sms}
 *                     ({@code wxbind.demo.sms-inbox-url}; unset = console only)
 */
public record DemoConfig(boolean seedAccounts, Optional<URI> smsInboxUrl) {

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static DemoConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        boolean seed = r.bool("wxbind.demo.seed-accounts", false);
        Optional<URI> inbox = r.optional("wxbind.demo.sms-inbox-url").map(v -> r.toUrl("wxbind.demo.sms-inbox-url", v));
        return new DemoConfig(seed, inbox);
    }
}
