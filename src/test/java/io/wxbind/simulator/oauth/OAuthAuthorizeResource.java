package io.wxbind.simulator.oauth;

import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.oauth.AuthorizeValidation.Outcome;
import io.wxbind.simulator.oauth.AuthorizeValidation.Rejected;
import io.wxbind.simulator.oauth.AuthorizeValidation.Valid;
import io.wxbind.simulator.oauth.PendingAuthorizations.Pending;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.web.Html;
import io.wxbind.simulator.web.OpenPages;
import io.wxbind.simulator.web.PersonResolver;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.Redirects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * open.weixin.qq.com/connect/oauth2/authorize (protocol §1.1/§1.2). Steps: 1 validate like WeChat
 * (errors are pages, never redirects); 2 find the person, else send the browser to the chooser;
 * 3 snsapi_base (or a snapshot person) → 302 with code at once; 4 snsapi_userinfo → consent page,
 * whose reply is Allow → 302 with code+state, Deny → 302 with state only.
 */
@RequestScoped
@Path("open/connect/oauth2")
public class OAuthAuthorizeResource {

    @Inject
    SimConfig config;
    @Inject
    SimPeople people;
    @Inject
    AuthCodes codes;
    @Inject
    PendingAuthorizations pending;
    @Context
    UriInfo uriInfo;
    @Context
    HttpHeaders headers;

    @GET
    @Path("authorize")
    public Response authorize() {
        String base = Html.basePath(uriInfo.getBaseUri());
        Outcome outcome = AuthorizeValidation.oauth2(QueryParams.of(uriInfo.getRequestUri()), config); // 1
        if (outcome instanceof Rejected rejected) {
            return OpenPages.error(200, base, rejected.code(), rejected.message());
        }
        AuthorizeRequest request = ((Valid) outcome).request();
        PersonResolver.Who who = PersonResolver.resolve(headers, people); // 2
        if (who.unknownHeaderId() != null) {
            return OpenPages.error(200, base, "person", "Unknown simulator person '" + who.unknownHeaderId()
                    + "' in header " + PersonResolver.HEADER);
        }
        String chooser = base + "choose?continue=" + encode(thisRequest());
        if (who.person() == null) {
            return Redirects.found(uriInfo, chooser);
        }
        SimPerson person = who.person();
        if (OAuthScopes.BASE.equals(request.scope()) || person.snapshot()) { // 3
            return Approvals.approve(codes, request, person);
        }
        String automatic = headers.getHeaderString(PersonResolver.CONSENT_HEADER);
        if ("allow".equalsIgnoreCase(automatic)) {
            return Approvals.approve(codes, request, person);
        } else if ("deny".equalsIgnoreCase(automatic)) {
            return Redirects.found(request.redirectDenied());
        }
        String pendingId = pending.put(new Pending(request, person.id())); // 4
        return OpenPages.consent(base, request.app(), person,
                person.headImgUrl(uriInfo.getBaseUri().toString()), pendingId, chooser);
    }

    /** The consent form's answer; the body is read leniently, like WeChat's own forms. */
    @POST
    @Path("authorize/reply")
    public Response reply(String body) {
        Map<String, String> form = QueryParams.parse(body);
        String pendingId = form.get("pending");
        String decision = form.get("decision");
        String base = Html.basePath(uriInfo.getBaseUri());
        if (!"allow".equals(decision) && !"deny".equals(decision)) {
            return OpenPages.error(400, base, "decision", "decision must be allow or deny");
        }
        Optional<Pending> answered = pending.take(pendingId);
        if (answered.isEmpty()) {
            return OpenPages.error(200, base, "expired",
                    "授权请求已失效 (this authorization request expired or was already answered)");
        }
        AuthorizeRequest request = answered.get().request();
        if ("deny".equals(decision)) {
            return Redirects.found(request.redirectDenied());
        }
        return people.find(answered.get().personId())
                .map(person -> Approvals.approve(codes, request, person))
                .orElseGet(() -> OpenPages.error(200, base, "person", "This person no longer exists"));
    }

    private String thisRequest() {
        URI uri = uriInfo.getRequestUri();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
