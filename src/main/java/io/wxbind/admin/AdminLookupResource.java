package io.wxbind.admin;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.AccountDirectory;
import io.wxbind.account.AccountState;
import io.wxbind.account.WeChatOpenId;
import io.wxbind.wechat.LogSafe;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/admin/lookup?account=alice}, {@code ?openId=o...[&appId=wx...]} (any app
 * unless named) or {@code ?unionId=u...}: the accounts found, each with its state in the
 * account directory and all its WeChat bindings (ids for {@code DELETE /api/admin/bindings/{id}}).
 * Exactly one of the three; 404 when nothing matches. Each search is audited
 * ({@code lookup_account}, {@code lookup_openid}, {@code lookup_unionid}) with the account found.
 */
@Path("admin/lookup")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLookupResource {

    @Inject
    AccountDirectory accounts;

    @Inject
    AccountBindingService bindings;

    @Inject
    AdminDirectory directory;

    @Context
    HttpServletRequest request;

    @GET
    public Response lookup(@QueryParam("account") String account, @QueryParam("openId") String openId,
            @QueryParam("unionId") String unionId, @QueryParam("appId") String appId) {
        int given = (account != null ? 1 : 0) + (openId != null ? 1 : 0) + (unionId != null ? 1 : 0);
        if (given != 1) {
            return AdminInput.badRequest("bad_query", "Give exactly one of account, openId or unionId.");
        }
        if (appId != null && (openId == null || !AdminInput.matches(AdminInput.APP_ID, appId))) {
            return AdminInput.badRequest("bad_app", "appId goes with openId only, as 1-32 letters, digits or '_'.");
        }
        if (account != null) {
            return byAccount(account);
        }
        if (openId != null) {
            return byOpenId(openId, appId);
        }
        return byUnionId(unionId);
    }

    private Response byAccount(String account) {
        AdminNotes.note(request, AdminNotes.ACTION, "lookup_account");
        if (!AdminInput.matches(AdminInput.ACCOUNT, account)) {
            return AdminInput.badRequest("bad_account", "account must be 1-128 characters without control characters.");
        }
        AdminNotes.note(request, AdminNotes.SUBJECT, account);
        return answer("account", account, List.of(account));
    }

    private Response byOpenId(String openId, String appId) {
        AdminNotes.note(request, AdminNotes.ACTION, "lookup_openid");
        if (!AdminInput.matches(AdminInput.WECHAT_ID, openId)) {
            return AdminInput.badRequest("bad_openid", "openId must be 1-64 letters, digits, '_' or '-'.");
        }
        AdminNotes.note(request, AdminNotes.SHORT_OPENID, LogSafe.shortId(openId));
        AdminNotes.note(request, AdminNotes.APP, appId);
        return answer("openId", openId, namesOf(directory.byOpenId(openId, appId), Optional.empty()));
    }

    private Response byUnionId(String unionId) {
        AdminNotes.note(request, AdminNotes.ACTION, "lookup_unionid");
        if (!AdminInput.matches(AdminInput.WECHAT_ID, unionId)) {
            return AdminInput.badRequest("bad_unionid", "unionId must be 1-64 letters, digits, '_' or '-'.");
        }
        return answer("unionId", unionId, namesOf(directory.byUnionId(unionId), bindings.accountOfUnionId(unionId)));
    }

    private Response answer(String by, String value, List<String> names) {
        JsonArrayBuilder found = AdminViews.JSON.createArrayBuilder();
        int shown = 0;
        for (String name : names) {
            Optional<AccountState> state = accounts.find(name);
            List<WeChatOpenId> bound = bindings.bindingsOf(name);
            if (state.isEmpty() && bound.isEmpty()) {
                continue;
            }
            if (shown++ == 0) {
                AdminNotes.note(request, AdminNotes.SUBJECT, name);
            }
            found.add(account(name, state, bound));
        }
        if (shown == 0) {
            return AdminInput.notFound("No account matches this " + by + ".");
        }
        return Response.ok(AdminViews.JSON.createObjectBuilder().add("by", by).add("value", value).add("accounts", found).build())
                .header("Cache-Control", "no-store").build();
    }

    private static JsonObjectBuilder account(String name, Optional<AccountState> state, List<WeChatOpenId> bound) {
        JsonArrayBuilder groups = AdminViews.JSON.createArrayBuilder();
        state.ifPresent(s -> s.groups().stream().sorted().forEach(groups::add));
        JsonArrayBuilder list = AdminViews.JSON.createArrayBuilder();
        bound.forEach(b -> list.add(AdminViews.binding(b)));
        return AdminViews.JSON.createObjectBuilder().add("name", name).add("exists", state.isPresent())
                .add("enabled", state.map(AccountState::enabled).orElse(false)).add("groups", groups).add("bindings", list);
    }

    /** The accounts of these bindings, plus {@code extra}, each once, in order. */
    private static List<String> namesOf(List<WeChatOpenId> found, Optional<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        extra.ifPresent(names::add);
        found.forEach(b -> names.add(b.accountName()));
        return List.copyOf(names);
    }
}
