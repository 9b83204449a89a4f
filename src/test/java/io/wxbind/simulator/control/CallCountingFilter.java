package io.wxbind.simulator.control;

import io.wxbind.simulator.oauth.WebTokens;
import io.wxbind.simulator.token.ServerTokens;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.SimHost;
import io.wxbind.simulator.web.SimJson;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Counts every call to the three WeChat hosts before matching, so unknown paths and wrong methods
 * count too. The appid comes from the query, else a JSON body (stable_token), else the
 * access_token the call carries.
 */
@Provider
@PreMatching
@Priority(100)
@ApplicationScoped
public class CallCountingFilter implements ContainerRequestFilter {

    private static final int MAX_SNIFFED_BODY = 64 * 1024;

    @Inject
    CallCounter counter;
    @Inject
    ServerTokens serverTokens;
    @Inject
    WebTokens webTokens;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = SimHost.pathOf(request.getUriInfo());
        if (SimHost.of(path).isWeChat()) {
            counter.record(path, appIdOf(request));
        }
    }

    private String appIdOf(ContainerRequestContext request) throws IOException {
        Map<String, String> query = QueryParams.of(request.getUriInfo().getRequestUri());
        String appId = query.get("appid");
        if (appId == null && "POST".equals(request.getMethod()) && request.hasEntity() && mayBeJson(request)) {
            appId = appIdInBody(request);
        }
        if (appId == null && query.get("access_token") != null) {
            String token = query.get("access_token");
            appId = serverTokens.appIdOf(token);
            appId = appId != null ? appId : webTokens.appIdOf(token);
        }
        return appId;
    }

    /** Reads at most 64 KiB and puts the bytes back in front of the rest of the stream. */
    private static String appIdInBody(ContainerRequestContext request) throws IOException {
        InputStream in = request.getEntityStream();
        byte[] head = in.readNBytes(MAX_SNIFFED_BODY + 1);
        request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), in));
        if (head.length > MAX_SNIFFED_BODY) {
            return null;
        }
        JsonObject json = SimJson.parseObject(new String(head, StandardCharsets.UTF_8));
        return json == null ? null : SimJson.string(json, "appid");
    }

    private static boolean mayBeJson(ContainerRequestContext request) {
        try {
            MediaType type = request.getMediaType();
            return type == null || type.getSubtype().contains("json") || type.getType().equals("text");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
