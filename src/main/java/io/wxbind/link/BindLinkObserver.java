package io.wxbind.link;

import io.wxbind.account.AccountBindingService;
import io.wxbind.config.LinkConfig;
import io.wxbind.config.WeChatConfig;
import io.wxbind.push.ClickEvent;
import io.wxbind.push.PushReceived;
import io.wxbind.push.TextMessageEvent;
import io.wxbind.push.WeChatPushEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/** Answers the bind menu click ({@code wechat.bind-menu-key}) or keyword with a bind link. */
@ApplicationScoped
public class BindLinkObserver {

    public static final String LINK_PATH = "/wechat/link";

    @Inject
    LinkTicketStore tickets;

    @Inject
    AccountBindingService bindings;

    @Inject
    WeChatConfig config;

    @Inject
    LinkConfig settings;

    void onPush(@Observes PushReceived push) {
        if (asksToBind(push.event())) {
            push.replyText(reply(push.event()));
        }
    }

    boolean asksToBind(WeChatPushEvent event) {
        if (event instanceof ClickEvent click) {
            return settings.menuKey().equals(click.eventKey());
        }
        if (event instanceof TextMessageEvent text && text.content() != null) {
            String said = text.content().trim().toLowerCase(Locale.ROOT);
            return settings.keywords().contains(said);
        }
        return false;
    }

    private String reply(WeChatPushEvent event) {
        Optional<String> bound = bindings.accountOf(event.appId(), event.openId());
        if (bound.isPresent()) {
            return "Your WeChat is already bound to account " + bound.get() + ".";
        }
        if (config.publicBaseUrl() == null) {
            return "Open our site inside WeChat and log in once to bind your account.";
        }
        String ticket = tickets.issue(event.appId(), event.openId());
        return "Tap to bind your account (valid 5 minutes, for you only): " + config.publicBaseUrl() + LINK_PATH + "?t=" + ticket;
    }
}
