package io.wxbind.simulator.oauth;

import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.web.Redirects;
import jakarta.ws.rs.core.Response;

/**
 * The user said yes: issue a code and 302 back. A snapshot person authorizing snsapi_userinfo
 * becomes a snapshot-mode grant (virtual ids, {@code is_snapshotuser}, protocol §1.2); snapshot
 * mode does not exist for snsapi_base or website login.
 */
final class Approvals {

    private Approvals() {
    }

    static Response approve(AuthCodes codes, AuthorizeRequest request, SimPerson person) {
        boolean snapshot = person.snapshot() && OAuthScopes.USERINFO.equals(request.scope());
        String code = codes.issue(new CodeGrant(request.app().appId(), person.id(), request.scope(), snapshot));
        return Redirects.found(request.redirectWithCode(code));
    }
}
