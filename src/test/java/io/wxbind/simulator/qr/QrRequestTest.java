package io.wxbind.simulator.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.simulator.web.SimJson;
import org.junit.jupiter.api.Test;

class QrRequestTest {

    private static QrRequest.Parsed parse(String json) {
        return QrRequest.parse(SimJson.parseObject(json));
    }

    private static int errcode(String json) {
        return parse(json).errcode();
    }

    @Test
    void parseWhenDocumentedBodiesThenAccepted() {
        assertEquals(new QrRequest(QrAction.QR_SCENE, 123, null, 604800),
                parse("{\"expire_seconds\":604800,\"action_name\":\"QR_SCENE\",\"action_info\":{\"scene\":{\"scene_id\":123}}}").request());
        assertEquals(new QrRequest(QrAction.QR_STR_SCENE, 0, "test", 604800),
                parse("{\"expire_seconds\":604800,\"action_name\":\"QR_STR_SCENE\",\"action_info\":{\"scene\":{\"scene_str\":\"test\"}}}").request());
        assertEquals(new QrRequest(QrAction.QR_LIMIT_SCENE, 123, null, 60),
                parse("{\"action_name\":\"QR_LIMIT_SCENE\",\"action_info\":{\"scene\":{\"scene_id\":123}}}").request());
        assertEquals(new QrRequest(QrAction.QR_LIMIT_STR_SCENE, 0, "test", 60),
                parse("{\"action_name\":\"QR_LIMIT_STR_SCENE\",\"action_info\":{\"scene\":{\"scene_str\":\"test\"}}}").request());
    }

    @Test
    void parseWhenExpireOmittedTooLongOrNotPositiveThenDefaultOrCapped() {
        String scene = ",\"action_name\":\"QR_STR_SCENE\",\"action_info\":{\"scene\":{\"scene_str\":\"bind:x\"}}}";
        assertEquals(60, parse("{\"x\":0" + scene).request().expireSeconds());
        assertEquals(2_592_000, parse("{\"expire_seconds\":2592000" + scene).request().expireSeconds());
        assertEquals(2_592_000, parse("{\"expire_seconds\":9999999" + scene).request().expireSeconds());
        assertEquals(60, parse("{\"expire_seconds\":0" + scene).request().expireSeconds());
        assertEquals(300, parse("{\"expire_seconds\":\"300\"" + scene).request().expireSeconds());
        assertEquals(47001, errcode("{\"expire_seconds\":\"soon\"" + scene));
        assertEquals(47001, errcode("{\"expire_seconds\":1.5" + scene));
    }

    @Test
    void parseWhenSceneIdOutOfRangeThen40053() {
        String temporary = "{\"action_name\":\"QR_SCENE\",\"action_info\":{\"scene\":{\"scene_id\":%s}}}";
        String permanent = "{\"action_name\":\"QR_LIMIT_SCENE\",\"action_info\":{\"scene\":{\"scene_id\":%s}}}";
        assertEquals(0, errcode(temporary.formatted("-5")));
        assertEquals(0, errcode(temporary.formatted("2147483647")));
        assertEquals(40053, errcode(temporary.formatted("0")));
        assertEquals(40053, errcode(temporary.formatted("2147483648")));
        assertEquals(40053, errcode(temporary.formatted("1.5")));
        assertEquals(0, errcode(permanent.formatted("1")));
        assertEquals(0, errcode(permanent.formatted("100000")));
        assertEquals(40053, errcode(permanent.formatted("0")));
        assertEquals(40053, errcode(permanent.formatted("100001")));
        assertEquals(47001, errcode(temporary.formatted("\"abc\"")));
        assertEquals(40053, errcode("{\"action_name\":\"QR_SCENE\",\"action_info\":{\"scene\":{\"scene_str\":\"a\"}}}"));
    }

    @Test
    void parseWhenSceneStrLengthOutsideOneTo64Then40053() {
        String body = "{\"action_name\":\"QR_STR_SCENE\",\"action_info\":{\"scene\":{\"scene_str\":\"%s\"}}}";
        assertEquals(0, errcode(body.formatted("a".repeat(64))));
        assertEquals(0, errcode(body.formatted("绑".repeat(64))));
        assertEquals(40053, errcode(body.formatted("a".repeat(65))));
        assertEquals(40053, errcode(body.formatted("")));
        assertEquals(47001, errcode("{\"action_name\":\"QR_STR_SCENE\",\"action_info\":{\"scene\":{\"scene_str\":5}}}"));
        assertEquals(40053, errcode("{\"action_name\":\"QR_STR_SCENE\",\"action_info\":{\"scene\":{\"scene_id\":5}}}"));
    }

    @Test
    void parseWhenActionWrongOrInfoMissingThen40053() {
        assertEquals(40053, errcode("{\"action_name\":\"QR_FOREVER\",\"action_info\":{\"scene\":{\"scene_id\":1}}}"));
        assertEquals(40053, errcode("{\"action_info\":{\"scene\":{\"scene_id\":1}}}"));
        assertEquals(40053, errcode("{\"action_name\":\"QR_SCENE\"}"));
        assertEquals(40053, errcode("{\"action_name\":\"QR_SCENE\",\"action_info\":[]}"));
        assertEquals(40053, errcode("{\"action_name\":\"QR_STR_SCENE\",\"action_info\":{\"scene_str\":\"x\"}}"));
    }

    @Test
    void parseWhenSceneWrapperForgottenOnIntegerSceneThenSceneZeroAsObserved() {
        QrRequest request = parse("{\"action_name\":\"QR_SCENE\",\"action_info\":{\"scene_id\":123}}").request();
        assertEquals("0", request.sceneValue());
    }
}
