package io.wxbind.simulator.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Hides request headers the JAX-RS runtime would reject before any simulator code runs (it
 * answers a garbled {@code Content-Type} or {@code Accept} with the container's own HTML 400):
 * an unparseable Content-Type is dropped, and Accept always is, since no simulator endpoint
 * negotiates. The request then reaches the resources, which answer in WeChat's own error shape.
 * It also runs when a call parked by a hang fault is resumed (an async dispatch).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class LenientHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new Lenient(request, validContentType(request.getContentType())), response);
    }

    private static boolean validContentType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final class Lenient extends HttpServletRequestWrapper {
        private final boolean keepContentType;

        Lenient(HttpServletRequest request, boolean keepContentType) {
            super(request);
            this.keepContentType = keepContentType;
        }

        private boolean hidden(String name) {
            return "Accept".equalsIgnoreCase(name) || (!keepContentType && "Content-Type".equalsIgnoreCase(name));
        }

        @Override
        public String getContentType() {
            return keepContentType ? super.getContentType() : null;
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(this::hidden);
            return Collections.enumeration(names);
        }
    }
}
