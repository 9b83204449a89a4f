package io.wxbind.simulator.control;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.message.ServiceWindows;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.PhoneNumber;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.people.SimPhones;
import io.wxbind.simulator.people.Subscriptions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * {@code /control/people}: list, create ({@code {"id","nickname","avatarUrl"?,"snapshot"?}} → 201,
 * 409 when the id exists), get one, and follow / unfollow an official account
 * ({@code PUT|DELETE /control/people/{id}/follows/{appid}}, body optional
 * {@code {"scene","qrScene","qrSceneStr"}}), which {@code cgi-bin/user/info} reports.
 */
@RequestScoped
@Path("control/people")
public class ControlPeopleResource {

    private static final Set<String> PERSON_FIELDS = Set.of("id", "nickname", "avatarUrl", "snapshot");
    private static final Set<String> FOLLOW_FIELDS = Set.of("scene", "qrScene", "qrSceneStr");
    private static final Set<String> PHONE_FIELDS = Set.of("purePhoneNumber", "countryCode");

    @Inject
    SimConfig config;
    @Inject
    SimPeople people;
    @Inject
    IdDerivation ids;
    @Inject
    Subscriptions subscriptions;
    @Inject
    SimClock clock;
    @Inject
    ServiceWindows windows;
    @Inject
    SimPhones phones;
    @Context
    UriInfo uriInfo;

    @GET
    public Response list() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        people.all().forEach(p -> all.add(json(p)));
        return ControlJson.json(200, Json.createObjectBuilder().add("people", all).build());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return ControlJson.json(200, json(person(id)));
    }

    @POST
    public Response create(String body) {
        JsonObject json = ControlJson.object(body, PERSON_FIELDS);
        SimPerson person = SimPerson.created(ControlJson.string(json, "id"), ControlJson.string(json, "nickname"),
                ControlJson.string(json, "avatarUrl"), ControlJson.bool(json, "snapshot"));
        if (!person.problems().isEmpty()) {
            throw new ControlRequestException(400, "bad_person", String.join("; ", person.problems()));
        }
        if (!people.add(person)) {
            throw new ControlRequestException(409, "person_exists", "a person with id '" + person.id() + "' exists");
        }
        return Response.fromResponse(ControlJson.json(201, json(person)))
                .location(uriInfo.getAbsolutePathBuilder().path(person.id()).build()).build();
    }

    @PUT
    @Path("{id}/follows/{appid}")
    public Response follow(@PathParam("id") String id, @PathParam("appid") String appId, String body) {
        SimPerson person = person(id);
        SimApp app = officialAccount(appId);
        JsonObject json = body == null || body.isBlank() ? JsonObject.EMPTY_JSON_OBJECT
                : ControlJson.object(body, FOLLOW_FIELDS);
        String scene = ControlJson.string(json, "scene");
        Integer qrScene = ControlJson.integer(json, "qrScene");
        String qrSceneStr = ControlJson.string(json, "qrSceneStr");
        subscriptions.subscribe(new Subscriptions.Subscription(app.appId(), person.id(), clock.instant(),
                scene == null ? "ADD_SCENE_OTHERS" : scene, qrScene == null ? 0 : qrScene,
                qrSceneStr == null ? "" : qrSceneStr));
        return ControlJson.json(200, json(person));
    }

    @DELETE
    @Path("{id}/follows/{appid}")
    public Response unfollow(@PathParam("id") String id, @PathParam("appid") String appId) {
        SimPerson person = person(id);
        String app = officialAccount(appId).appId();
        subscriptions.unsubscribe(app, person.id());
        windows.close(app, person.id()); // like an unsubscribe: the customer-service windows end
        return ControlJson.json(200, json(person));
    }

    /** Sets the number mini programs read: {@code {"purePhoneNumber","countryCode"?}} (default "86"). */
    @PUT
    @Path("{id}/phone")
    public Response phone(@PathParam("id") String id, String body) {
        SimPerson person = person(id);
        JsonObject json = ControlJson.object(body, PHONE_FIELDS);
        String countryCode = ControlJson.string(json, "countryCode");
        PhoneNumber phone = new PhoneNumber(countryCode == null ? PhoneNumber.CHINA : countryCode,
                ControlJson.string(json, "purePhoneNumber"));
        if (phone.problem() != null) {
            throw new ControlRequestException(400, "bad_phone", phone.problem());
        }
        phones.set(person.id(), phone);
        return ControlJson.json(200, json(person));
    }

    private SimPerson person(String id) {
        return people.find(id).orElseThrow(() ->
                new ControlRequestException(404, "person_not_found", "no person with id '" + id + "'"));
    }

    private SimApp officialAccount(String appId) {
        SimApp app = config.app(appId).orElseThrow(() ->
                new ControlRequestException(404, "app_not_found", "no app with appid '" + appId + "'"));
        if (app.type() != AppType.OFFICIAL) {
            throw new ControlRequestException(400, "not_official_account", "only official accounts can be followed");
        }
        return app;
    }

    private JsonObject json(SimPerson person) {
        return PersonJson.of(person, config, ids, subscriptions, phones, uriInfo.getBaseUri().toString());
    }
}
