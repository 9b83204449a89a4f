package io.wxbind.rest;

import io.wxbind.db.WxBindData;
import io.wxbind.account.AccountBindingService;
import io.wxbind.auth.SessionLogin;
import io.wxbind.wechat.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/** Builds the {@link MeView} of the current caller. */
@ApplicationScoped
// A transaction even for reads: Payara shares one non-transactional EntityManager between the beans
// of a request and closes it once per bean, so two such readers in one login failed the request.
@Transactional
public class MeViews {

    @Inject
    AccountBindingService bindings;

    @Inject
    @WxBindData
    EntityManager em;

    public Optional<MeView> of(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return Optional.empty();
        }
        String user = request.getUserPrincipal().getName();
        Optional<SessionLogin> login = SessionLogin.of(request);
        // The name only: loading the account would also read its eager group collection.
        String displayName = em.createQuery("select a.displayName from UserAccount a where a.username = :username", String.class)
                .setParameter("username", user).getResultStream().filter(java.util.Objects::nonNull).findFirst().orElse(user);
        List<MeView.Binding> list = bindings.bindingsOf(user).stream()
                .map(b -> new MeView.Binding(b.id(), b.appId(), LogSafe.shortId(b.openId()),
                        b.unionId() == null ? null : LogSafe.shortId(b.unionId()), b.nickname(), b.boundAt(), b.lastLoginAt()))
                .toList();
        return Optional.of(new MeView(user, displayName,
                login.map(l -> l.groups().stream().sorted().toList()).orElse(List.of()),
                login.map(l -> l.method().name()).orElse(null),
                login.map(l -> l.method().description()).orElse(null),
                login.map(SessionLogin::at).orElse(null), list));
    }
}
