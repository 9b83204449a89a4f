package io.wxbind.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.config.ServerTokenConfig;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** cgi-bin/user/info as the source of a follower's unionid (protocol §9): what counts as one, and that nothing throws. */
class UserInfoUnionIdsTest {

    private static final String OA = "wx1a2b3c4d5e6f7a8b";
    private static final String OTHER = "wx7e6d5c4b3a291807";

    private final List<String> calls = new ArrayList<>();
    private Supplier<JsonObject> answer = () -> Json.createObjectBuilder().add("subscribe", 0).add("openid", "o-1").build();
    private final UserInfoUnionIds unionIds = new UserInfoUnionIds();

    UserInfoUnionIdsTest() {
        unionIds.tokens = new ServerTokenConfig(true, Map.of(OA, new ServerTokenConfig.App(OA, "s", ServerTokenConfig.Endpoint.STABLE)),
                Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), "n");
        unionIds.api = new WeChatServerApi() {
            @Override
            public Response get(String appId, String path, Map<String, String> query) {
                calls.add(appId + " " + path + " " + query.get("openid"));
                return new Response(answer.get(), 1, 0);
            }
        };
    }

    @Test
    void ofWhenFollowerOfAnOpenPlatformAccountThenItsUnionId() {
        answer = () -> Json.createObjectBuilder().add("subscribe", 1).add("openid", "o-1").add("unionid", "u-1").build();
        assertEquals(Optional.of("u-1"), unionIds.of(OA, "o-1"));
        assertEquals(List.of(OA + " /cgi-bin/user/info o-1"), calls);
    }

    @Test
    void ofWhenNotAFollowerOrNoOpenPlatformThenEmpty() {
        assertEquals(Optional.empty(), unionIds.of(OA, "o-1"));
        answer = () -> Json.createObjectBuilder().add("subscribe", 1).add("openid", "o-1").add("unionid", " ").build();
        assertEquals(Optional.empty(), unionIds.of(OA, "o-1"));
    }

    @Test
    void ofWhenNoServerTokenKeptForTheAppThenNotAsked() {
        assertEquals(Optional.empty(), unionIds.of(OTHER, "o-1"));
        assertEquals(List.of(), calls);
    }

    @Test
    void ofWhenWeChatFailsThenEmptyNeverAnException() {
        answer = () -> {
            throw new WeChatApiException("/cgi-bin/user/info", 40003, "invalid openid");
        };
        assertEquals(Optional.empty(), unionIds.of(OA, "o-1"));
        answer = () -> {
            throw new WeChatUnavailableException("timed out");
        };
        assertEquals(Optional.empty(), unionIds.of(OA, "o-1"));
    }
}
