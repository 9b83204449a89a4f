package io.wxbind.admin;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.WeChatOpenId;
import io.wxbind.wechat.LogSafe;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code DELETE /api/admin/bindings/{id}}: removes a binding (an id from
 * {@code GET /api/admin/lookup}) whatever account holds it, as the account itself would
 * ({@link AccountBindingService#unbind}: the unionid link goes with the last openid of that
 * person, every session and token of the account ends). 204, or 404 when there is no such binding.
 */
@Path("admin/bindings/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AdminBindingsResource {

    @Inject
    AccountBindingService bindings;

    @Inject
    AdminDirectory directory;

    @Context
    HttpServletRequest request;

    @DELETE
    public Response unbind(@PathParam("id") String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return AdminInput.badRequest("bad_id", "The binding id is a whole number (the id given by /api/admin/lookup).");
        }
        Optional<WeChatOpenId> binding = directory.binding(Long.parseLong(id));
        if (binding.isEmpty()) {
            return AdminInput.notFound("No such binding.");
        }
        WeChatOpenId b = binding.get();
        AdminNotes.note(request, AdminNotes.SUBJECT, b.accountName());
        AdminNotes.note(request, AdminNotes.APP, b.appId());
        AdminNotes.note(request, AdminNotes.SHORT_OPENID, LogSafe.shortId(b.openId()));
        // By the account it was read with: if it moved meanwhile (unbound and bound again), nothing happens.
        return bindings.unbind(b.accountName(), b.id()) ? Response.noContent().build() : AdminInput.notFound("No such binding.");
    }
}
