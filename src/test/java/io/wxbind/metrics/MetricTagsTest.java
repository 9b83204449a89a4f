package io.wxbind.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricTagsTest {

    @Test
    void valueWhenCodeThenLowerCaseOtherwiseAsIs() {
        MetricTags tags = new MetricTags();
        assertEquals("wechat_bind_password", tags.value("method", "WECHAT_BIND_PASSWORD"));
        assertEquals("qr-bind", tags.value("method", "qr-bind"));
        assertEquals("/cgi-bin/stable_token", tags.value("path", "/cgi-bin/stable_token"));
        assertEquals("/sns/oauth2/access_token", tags.value("path", "/sns/oauth2/access_token"));
        assertEquals("40029", tags.value("errcode", "40029"));
        assertEquals("-1", tags.value("errcode", "-1"));
    }

    @Test
    void valueWhenMissingThenNone() {
        MetricTags tags = new MetricTags();
        assertEquals(MetricTags.NONE, tags.value("reason", null));
        assertEquals(MetricTags.NONE, tags.value("reason", "  "));
    }

    @Test
    void valueWhenOutsideTheAlphabetOrTooLongThenOther() {
        MetricTags tags = new MetricTags();
        assertEquals(MetricTags.OTHER, tags.value("reason", "alice@example.com"));
        assertEquals(MetricTags.OTHER, tags.value("reason", "10.0.0.1:8080"));
        assertEquals(MetricTags.OTHER, tags.value("reason", "a b"));
        assertEquals(MetricTags.OTHER, tags.value("reason", "x".repeat(65)));
        assertEquals(MetricTags.OTHER, tags.value("reason", "say \"hi\"\n"));
    }

    @Test
    void valueWhenMoreDistinctValuesThanTheCapThenTheRestReadOther() {
        MetricTags tags = new MetricTags();
        for (int i = 0; i < MetricTags.MAX_VALUES; i++) {
            assertEquals("v" + i, tags.value("reason", "v" + i));
        }
        assertEquals(MetricTags.OTHER, tags.value("reason", "one_too_many"));
        assertEquals("v3", tags.value("reason", "v3"), "a value seen before keeps its name");
        assertEquals("fresh", tags.value("method", "fresh"), "each tag key has a cap of its own");
    }

    @Test
    void pushTypeWhenEventClassThenSnakeCaseWithoutSuffix() {
        assertEquals("Text_Message", MetricTags.pushType("TextMessageEvent"));
        assertEquals("Subscribe", MetricTags.pushType("SubscribeEvent"));
        assertEquals("Other_Push", MetricTags.pushType("OtherPushEvent"));
        assertEquals(null, MetricTags.pushType(null));
    }
}
