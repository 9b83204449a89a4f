package io.wxbind.audit;

import io.wxbind.client.ClientAddress;
import io.wxbind.client.ClientAddressResolver;
import io.wxbind.config.AuditConfig;
import io.wxbind.config.NodeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one observer that writes {@link AuditEvent}s to {@code wxbind_audit_log}, adding when, the
 * node, and the client address and user agent of the current HTTP request if there is one (a
 * timer or a background thread has none).
 *
 * <p>Transactions: the observer runs {@code AFTER_COMPLETION} of the publisher's transaction, or at
 * once when there is none (CDI), and writes in a transaction of its own. So an entry is kept
 * whether the publisher commits or rolls back (a refusal usually rolls back: it must still be on
 * record), the publisher's connection and row locks are released before the audit takes a
 * connection (a write nested inside the publisher's transaction would hold two connections per
 * thread, and a busy pool would stall on itself), and the audit table never joins a lock queue of
 * the publisher. The price: an event published just before a commit that then fails is still
 * recorded; publishers fire at the point of decision, and the entry says what was decided.
 *
 * <p>Entries that name no account and come from a request (a forged callback, a stale link: what
 * anyone can cause) are capped per node ({@code wxbind.audit.anonymous-per-minute}, {@link AnonymousBudget}),
 * so anonymous callers cannot turn the audit log into a lasting cost. A failure to record is
 * logged as a warning (kind and exception class, no values) and never reaches the user's flow.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

    @Inject
    AuditLogStore store;

    @Inject
    ClientAddressResolver addresses;

    @Inject
    BeanManager beans;

    /** CDI's built-in bean: usable only while a request context is active, see {@link #currentRequest}. */
    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    @Inject
    NodeConfig nodeSettings;

    @Inject
    AuditConfig settings;

    private String node;
    private AnonymousBudget anonymous;

    @PostConstruct
    void init() {
        node = nodeSettings.nodeName();
        anonymous = new AnonymousBudget(settings.anonymousPerMinute());
    }

    void onEvent(@Observes(during = TransactionPhase.AFTER_COMPLETION) AuditEvent event) {
        record(event, currentRequest());
    }

    /** Writes the entry unless it is anonymous and over budget; never throws. */
    void record(AuditEvent event, Optional<HttpServletRequest> from) {
        try {
            if (event.account() == null && from.isPresent() && !anonymous.take(clock.instant())) {
                return;
            }
            ClientAddress client = from.map(addresses::of).orElse(null);
            store.insert(new AuditRow(clock.instant(), event, client == null ? null : client.address(),
                    client == null ? null : client.masked(), from.map(r -> r.getHeader("User-Agent")).orElse(null), node));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String cause = root.getClass().getSimpleName();
            LOG.warning(() -> "audit entry " + event.kind() + " not recorded: " + cause);
        }
    }

    /** Entries over the anonymous budget since the last call. */
    long drainDroppedAnonymous() {
        return anonymous.drainDropped();
    }

    /**
     * The HTTP request of this thread, if any. No request context (a background thread), or one
     * without a servlet request (an EJB timer runs with a request context of its own): none.
     */
    private Optional<HttpServletRequest> currentRequest() {
        try {
            if (!beans.getContext(RequestScoped.class).isActive()) {
                return Optional.empty();
            }
            request.getRemoteAddr(); // touches the proxy: fails here, not halfway through the entry
            return Optional.of(request);
        } catch (RuntimeException e) { // ContextNotActiveException, or the server's "no request here"
            return Optional.empty();
        }
    }
}
