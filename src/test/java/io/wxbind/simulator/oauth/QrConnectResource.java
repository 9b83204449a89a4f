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
import io.wxbind.simulator.web.OpenPages.Scanner;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * open.weixin.qq.com/connect/qrconnect, website QR login (protocol §2). The page stands in for
 * "scan with your phone and confirm": the user picks who scans. Deny redirects with state only
 * (the older documented behaviour). Headers {@code X-WeChat-Sim-Person} +
 * {@code X-WeChat-Sim-Consent: allow|deny} skip the page for HTTP-level tests.
 */
@RequestScoped
@Path("open/connect/qrconnect")
public class QrConnectResource {

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
    public Response qrConnect() {
        String base = Html.basePath(uriInfo.getBaseUri());
        Outcome outcome = AuthorizeValidation.qrConnect(QueryParams.of(uriInfo.getRequestUri()), config);
        if (outcome instanceof Rejected rejected) {
            return OpenPages.error(200, base, rejected.code(), rejected.message());
        }
        AuthorizeRequest request = ((Valid) outcome).request();
        PersonResolver.Who who = PersonResolver.resolve(headers, people);
        if (who.unknownHeaderId() != null) {
            return OpenPages.error(200, base, "person", "Unknown simulator person '" + who.unknownHeaderId()
                    + "' in header " + PersonResolver.HEADER);
        }
        String automatic = headers.getHeaderString(PersonResolver.CONSENT_HEADER);
        if ("deny".equalsIgnoreCase(automatic)) {
            return Redirects.found(request.redirectDenied());
        } else if ("allow".equalsIgnoreCase(automatic) && who.person() != null) {
            return Approvals.approve(codes, request, who.person());
        }
        String pendingId = pending.put(new Pending(request, null));
        return OpenPages.qrConnect(base, request.app(), scanners(who.person()), pendingId);
    }

    /** The QR page's answer: who scanned, allow or deny. */
    @POST
    @Path("reply")
    public Response reply(String body) {
        Map<String, String> form = QueryParams.parse(body);
        String pendingId = form.get("pending");
        String personId = form.get("person");
        String decision = form.get("decision");
        String base = Html.basePath(uriInfo.getBaseUri());
        if (!"allow".equals(decision) && !"deny".equals(decision)) {
            return OpenPages.error(400, base, "decision", "decision must be allow or deny");
        }
        Optional<Pending> answered = pending.take(pendingId);
        if (answered.isEmpty()) {
            return OpenPages.error(200, base, "expired", "二维码已失效 (this QR code expired or was already used)");
        }
        AuthorizeRequest request = answered.get().request();
        if ("deny".equals(decision)) {
            return Redirects.found(request.redirectDenied());
        }
        return people.find(personId)
                .map(person -> Approvals.approve(codes, request, person))
                .orElseGet(() -> OpenPages.error(400, base, "person", "Unknown simulator person"));
    }

    private List<Scanner> scanners(SimPerson current) {
        String baseUri = uriInfo.getBaseUri().toString();
        List<Scanner> scanners = new ArrayList<>();
        if (current != null) {
            scanners.add(new Scanner(current, current.headImgUrl(baseUri), true));
        }
        people.all().stream().filter(p -> current == null || !p.id().equals(current.id()))
                .forEach(p -> scanners.add(new Scanner(p, p.headImgUrl(baseUri), false)));
        return scanners;
    }
}
