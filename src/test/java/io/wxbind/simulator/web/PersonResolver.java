package io.wxbind.simulator.web;

import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who the WeChat user in this browser is: header {@code X-WeChat-Sim-Person} (for tests) wins over
 * cookie {@code wxsim_person} (set by the chooser page). An unknown header id is reported, since a
 * test asked for someone specific; an unknown cookie (e.g. after a reset) just means "nobody".
 */
public final class PersonResolver {

    public static final String HEADER = "X-WeChat-Sim-Person";
    public static final String COOKIE = "wxsim_person";
    /** Test hook: answers the consent / QR page automatically with {@code allow} or {@code deny}. */
    public static final String CONSENT_HEADER = "X-WeChat-Sim-Consent";

    /** {@code person} is null when nobody is chosen; {@code unknownHeaderId} is set on a bad header. */
    public record Who(SimPerson person, String unknownHeaderId) {
    }

    private PersonResolver() {
    }

    public static Who resolve(HttpHeaders headers, SimPeople people) {
        String header = headers.getHeaderString(HEADER);
        if (header != null && !header.isBlank()) {
            return people.find(header.trim()).map(p -> new Who(p, null))
                    .orElseGet(() -> new Who(null, header.trim()));
        }
        Cookie cookie = headers.getCookies().get(COOKIE);
        SimPerson person = cookie == null ? null : people.find(cookie.getValue()).orElse(null);
        return new Who(person, null);
    }
}
