package io.wxbind.simulator.web;

import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Map;

/**
 * {@code GET /wechat-sim/} and {@code /wechat-sim/choose?continue=...}: the page where a browser
 * becomes a WeChat user. Choosing sets cookie {@code wxsim_person} (path = simulator root) and
 * goes on to {@code continue} when that is a path inside the simulator (otherwise it is ignored).
 */
@RequestScoped
@Path("/")
public class ChooserResource {

    private static final int COOKIE_MAX_AGE = (int) Duration.ofDays(30).toSeconds();

    @Inject
    SimPeople people;
    @Context
    UriInfo uriInfo;
    @Context
    HttpHeaders headers;

    @GET
    public Response index() {
        return page(200, null, null);
    }

    @GET
    @Path("choose")
    public Response choose() {
        return page(200, safeContinue(QueryParams.of(uriInfo.getRequestUri()).get("continue")), null);
    }

    @POST
    @Path("choose")
    public Response select(String body) {
        Map<String, String> form = QueryParams.parse(body);
        String next = form.get("continue");
        SimPerson person = people.find(form.get("person")).orElse(null);
        if (person == null) {
            return page(400, safeContinue(next), "Unknown person.");
        }
        return chosen(person, safeContinue(next));
    }

    @POST
    @Path("choose/people")
    public Response create(String body) {
        Map<String, String> form = QueryParams.parse(body);
        String next = form.get("continue");
        SimPerson person = SimPerson.created(trim(form.get("id")), trim(form.get("nickname")), null,
                "true".equals(form.get("snapshot")));
        if (!person.problems().isEmpty()) {
            return page(400, safeContinue(next), String.join("; ", person.problems()));
        }
        if (!people.add(person)) {
            return page(409, safeContinue(next), "The id '" + person.id() + "' is taken.");
        }
        return chosen(person, safeContinue(next));
    }

    @POST
    @Path("choose/forget")
    public Response forget() {
        return Response.fromResponse(Redirects.seeOther(uriInfo, base() + "choose"))
                .cookie(cookie("", 0)).build();
    }

    private Response chosen(SimPerson person, String next) {
        return Response.fromResponse(Redirects.seeOther(uriInfo, next != null ? next : base() + "choose"))
                .cookie(cookie(person.id(), COOKIE_MAX_AGE)).build();
    }

    private Response page(int status, String next, String message) {
        SimPerson current = PersonResolver.resolve(headers, people).person();
        return ChooserPage.render(status, base(), uriInfo.getBaseUri().toString(), people.all(), current, next,
                message);
    }

    private NewCookie cookie(String value, int maxAge) {
        String path = base().substring(0, base().length() - 1);
        return new NewCookie.Builder(PersonResolver.COOKIE).value(value).path(path.isEmpty() ? "/" : path)
                .maxAge(maxAge).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }

    private String safeContinue(String next) {
        return ContinuePath.sanitize(next, base()).orElse(null);
    }

    private String base() {
        return Html.basePath(uriInfo.getBaseUri());
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
