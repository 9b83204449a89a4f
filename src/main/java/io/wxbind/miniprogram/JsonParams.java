package io.wxbind.miniprogram;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * A JSON body's string fields as request parameters, so the bind proofs that read a form
 * ({@code username}/{@code password}, {@code phone}/{@code code}) read a JSON bind the same way.
 * Only these fields: the real query string and form are hidden.
 */
final class JsonParams extends HttpServletRequestWrapper {

    private final Map<String, String> fields;

    JsonParams(HttpServletRequest request, Map<String, String> fields) {
        super(request);
        this.fields = Map.copyOf(fields);
    }

    @Override
    public String getParameter(String name) {
        return fields.get(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return fields.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> new String[] {e.getValue()}));
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(fields.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String value = fields.get(name);
        return value == null ? null : new String[] {value};
    }
}
