package io.wxbind.rest;

import io.wxbind.account.AccountAdministration;
import io.wxbind.account.AccountDirectory;
import io.wxbind.account.AccountLifecycle;
import io.wxbind.account.AccountState;
import io.wxbind.account.RevocationReason;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/admin/accounts/{name}} (role admin, see web.xml): look at an account, end all its
 * sessions and tokens ({@code POST …/logout-everywhere}, any account the {@link AccountDirectory}
 * knows), and, for WxBind's own accounts, set its groups ({@code PUT …/groups}
 * {@code {"groups":["user"]}}), enable or disable it ({@code PUT …/enabled} {@code {"enabled":false}})
 * or delete it ({@code DELETE}). Each change but enabling ends the account's sessions and tokens.
 */
@Path("admin/accounts/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {

    static final int MAX_GROUP_LENGTH = 64;
    static final int MAX_GROUPS = 50;

    /** An account as JSON. */
    public record AccountView(String name, boolean enabled, List<String> groups) {

        static AccountView of(AccountState s) {
            return new AccountView(s.name(), s.enabled(), s.groups().stream().sorted().toList());
        }
    }

    @Inject
    AccountDirectory directory;

    @Inject
    AccountAdministration accounts;

    @Inject
    AccountLifecycle lifecycle;

    @PathParam("name")
    String name;

    @GET
    public Response get() {
        return found().map(s -> Response.ok(AccountView.of(s)).build()).orElseGet(AdminAccountsResource::notFound);
    }

    @POST
    @Path("logout-everywhere")
    public Response logoutEverywhere() {
        if (found().isEmpty()) {
            return notFound();
        }
        lifecycle.revoke(name, RevocationReason.ADMIN_LOGOUT_EVERYWHERE);
        return Response.noContent().build();
    }

    @PUT
    @Path("groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setGroups(String body) {
        Optional<Set<String>> groups = JsonBody.object(body).flatMap(AdminAccountsResource::groupsOf);
        if (groups.isEmpty()) {
            return JsonBody.badRequest("{\"groups\":[\"user\",\"admin\"]} (at most " + MAX_GROUPS + " names of 1 to "
                    + MAX_GROUP_LENGTH + " letters, digits, '.', '_' or '-')");
        }
        return accounts.setGroups(name, groups.get()) ? get() : notFound();
    }

    @PUT
    @Path("enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setEnabled(String body) {
        Optional<JsonValue> enabled = JsonBody.object(body).map(j -> j.get("enabled"))
                .filter(v -> v == JsonValue.TRUE || v == JsonValue.FALSE);
        if (enabled.isEmpty()) {
            return JsonBody.badRequest("{\"enabled\":false}");
        }
        return accounts.setEnabled(name, enabled.get() == JsonValue.TRUE) ? get() : notFound();
    }

    @DELETE
    public Response delete() {
        return accounts.delete(name) ? Response.noContent().build() : notFound();
    }

    private Optional<AccountState> found() {
        return name.length() > 128 ? Optional.empty() : directory.find(name);
    }

    private static Optional<Set<String>> groupsOf(JsonObject body) {
        if (!(body.get("groups") instanceof JsonArray array) || array.size() > MAX_GROUPS) {
            return Optional.empty();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s) || !s.getString().matches("[A-Za-z0-9._-]{1," + MAX_GROUP_LENGTH + "}")) {
                return Optional.empty();
            }
            groups.add(s.getString());
        }
        return Optional.of(groups);
    }

    private static Response notFound() {
        return Response.status(404).entity(new ErrorBody("not_found", "No such account.")).build();
    }
}
