package io.wxbind.miniprogram;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.Resolution;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.config.WeChatConfig;
import io.wxbind.miniprogram.MiniProgramLogin.Result;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An unbound person of an API client creates an account with the bind ticket of {@code /session},
 * as the web's register policy does ({@code AccountBindingService#register}, default groups):
 *
 * <pre>
 *  1. the ticket is this API client's (holder {@link ApiTicketHolder}), unexpired, unused → else ticket_invalid
 *  2. the ticket's app may register ({@link ApiFirstLogin})  → else register_not_allowed (403), ticket left for a bind
 *  3. the ticket consumed (the one caller that removes it goes on)
 *  4. bound meanwhile (a sibling app, by unionid)?             → that account, no new one
 *  5. a new account (display name: the typed nickname), bound to the openid and unionid → admitted: an API token
 * </pre>
 */
@ApplicationScoped
public class ApiRegistration {

    /** A new account created from a mini program or mobile app. */
    public static final LoginMethod METHOD = new LoginMethod("WECHAT_API_REGISTER", "WeChat mini program or app (new account created)");
    static final String NOT_ALLOWED = "register_not_allowed";

    private static final Logger LOG = Logger.getLogger(ApiRegistration.class.getName());

    @Inject
    BindTicketStore tickets;

    @Inject
    ApiFirstLogin firstLogin;

    @Inject
    AccountBindingService bindings;

    @Inject
    ApiSignIn signIn;

    @Inject
    WeChatConfig config;

    @Inject
    Event<AuditEvent> audit;

    /** @param nickname what the person typed, already checked ({@link TypedNickname}); empty for none */
    public Result register(String rawTicket, Optional<String> nickname) {
        Optional<BindTicket> peeked = tickets.peek(rawTicket, ApiTicketHolder.HASH);
        if (peeked.isEmpty()) {
            return new Result.Failed(FlowProblem.TICKET_INVALID, 0);
        }
        WeChatIdentity ticketed = peeked.get().identity();
        if (!firstLogin.mayRegister(ticketed.appId())) {
            audit.fire(AuditEvent.of(AuditKind.REFUSED, null).withWeChat(ticketed.appId(), LogSafe.shortId(ticketed.openId()))
                    .withMethod(METHOD.name()).withReason(NOT_ALLOWED));
            return new Result.Failed(MiniProgramProblem.REGISTER_NOT_ALLOWED, 0);
        }
        Optional<BindTicket> consumed = tickets.consume(rawTicket, ApiTicketHolder.HASH);
        if (consumed.isEmpty()) {
            return new Result.Failed(FlowProblem.TICKET_INVALID, 0); // another request used it a moment ago
        }
        WeChatIdentity id = consumed.get().identity();
        Resolution resolved = bindings.resolve(id);
        if (resolved instanceof Resolution.UnionIdConflict) {
            return new Result.Failed(FlowProblem.UNIONID_CONFLICT, 0);
        }
        Optional<String> known = resolved instanceof Resolution.Bound bound ? Optional.of(bound.accountName()) : create(id, nickname);
        if (known.isEmpty()) {
            return new Result.Failed(FlowProblem.BINDING_CONFLICT, 0);
        }
        return signIn.admitted(known.get(), METHOD, id);
    }

    /** A new account bound to {@code id}; after a race lost to another request, the account that won, if any. */
    private Optional<String> create(WeChatIdentity id, Optional<String> nickname) {
        WeChatIdentity named = new WeChatIdentity(id.appId(), id.openId(), id.unionId(), nickname.orElse(null), null);
        try {
            return Optional.of(bindings.register(named, config.defaultGroups()));
        } catch (IllegalStateException e) {
            // the WeChat was bound at the same moment (another ticket of the same person): the new account was rolled back
            LOG.fine(() -> "register of " + LogSafe.shortId(id.openId()) + " lost a race: " + e.getMessage());
            return bindings.resolve(id) instanceof Resolution.Bound bound ? Optional.of(bound.accountName()) : Optional.empty();
        }
    }
}
