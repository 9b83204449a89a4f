package io.wxbind.simulator.control;

import io.wxbind.simulator.web.SimHost;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Picks the fault for a call on a WeChat host (one use of the first matching rule) before JAX-RS
 * runs, and parks a call whose fault hangs without holding a request thread: the app and the
 * simulator share one node's thread pool, and an outage test that left every timed-out call
 * blocking a thread for minutes would starve the node, including the {@code DELETE /control/faults}
 * that should end the outage. Clearing the fault (or {@link Faults#MAX_HANG}) resumes the call,
 * and {@link FaultInjectionFilter} applies the rest of the fault to it. Payara does not activate
 * CDI's request scope for that async dispatch, so this filter does (the resources are request-scoped).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class FaultSelectionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Request attribute: the {@code Optional<FaultRule>} chosen for this call. */
    static final String SELECTED = FaultSelectionFilter.class.getName() + ".selected";
    /** Request attribute: present once the call has hung and been resumed. */
    static final String HUNG = FaultSelectionFilter.class.getName() + ".hung";

    @Inject
    transient Faults faults;
    @Inject
    transient Instance<RequestContextController> requestContexts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            resumeInRequestScope(request, response, chain);
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (SimHost.of(path).isWeChat()) {
            Optional<FaultRule> rule = faults.take(path);
            request.setAttribute(SELECTED, rule);
            if (rule.isPresent() && rule.get().spec().hang() && request.isAsyncSupported()) {
                park(request, response, rule.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void resumeInRequestScope(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestContextController controller = requestContexts.get();
        boolean activated = controller.activate();
        try {
            chain.doFilter(request, response);
        } finally {
            if (activated) {
                controller.deactivate();
            }
            requestContexts.destroy(controller);
        }
    }

    private static void park(HttpServletRequest request, HttpServletResponse response, FaultRule rule) {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(Faults.MAX_HANG.toMillis());
        AtomicBoolean resumed = new AtomicBoolean();
        Runnable resume = () -> {
            if (resumed.compareAndSet(false, true)) {
                request.setAttribute(HUNG, Boolean.TRUE);
                try {
                    async.dispatch();
                } catch (IllegalStateException e) {
                    // the call already ended (client gone, container error): nothing to resume
                }
            }
        };
        Runnable forget = rule.whenReleased(resume);
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                forget.run();
                resume.run();
            }

            @Override
            public void onComplete(AsyncEvent event) {
                forget.run();
            }

            @Override
            public void onError(AsyncEvent event) {
                forget.run();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
    }
}
