package io.wxbind.simulator.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.simulator.web.SimJson;
import org.junit.jupiter.api.Test;

class CustomMessageTest {

    private static CustomMessage.Parsed parse(String json) {
        return CustomMessage.parse(SimJson.parseObject(json));
    }

    @Test
    void parseWhenTextThenContentKept() {
        CustomMessage.Parsed parsed = parse("{\"touser\":\"oX\",\"msgtype\":\"text\",\"text\":{\"content\":\"Bound to alice\"},"
                + "\"customservice\":{\"kf_account\":\"test1@kftest\"}}");
        assertEquals(new CustomMessage("oX", "text", "Bound to alice"), parsed.message());
    }

    @Test
    void parseWhenFieldsMissingOrWrongThenWeChatErrcodes() {
        assertEquals(40003, parse("{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}").errcode());
        assertEquals(40003, parse("{\"touser\":\"\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}").errcode());
        assertEquals(40008, parse("{\"touser\":\"oX\",\"msgtype\":\"fax\"}").errcode());
        assertEquals(40008, parse("{\"touser\":\"oX\"}").errcode());
        assertEquals(44004, parse("{\"touser\":\"oX\",\"msgtype\":\"text\",\"text\":{\"content\":\"\"}}").errcode());
        assertEquals(44004, parse("{\"touser\":\"oX\",\"msgtype\":\"text\"}").errcode());
        assertEquals(44004, parse("{\"touser\":\"oX\",\"msgtype\":\"text\",\"text\":{\"content\":7}}").errcode());
    }

    @Test
    void parseWhenOtherTypesThenToleratedWithSummary() {
        assertEquals("[image]", parse("{\"touser\":\"oX\",\"msgtype\":\"image\",\"image\":{\"media_id\":\"M\"}}").message().text());
        assertEquals("[news] Welcome", parse("{\"touser\":\"oX\",\"msgtype\":\"news\",\"news\":{\"articles\":"
                + "[{\"title\":\"Welcome\",\"url\":\"https://x\"}]}}").message().text());
        assertEquals("[msgmenu] Rate us", parse("{\"touser\":\"oX\",\"msgtype\":\"msgmenu\",\"msgmenu\":"
                + "{\"head_content\":\"Rate us\",\"list\":[]}}").message().text());
        assertEquals("[miniprogrampage]", parse("{\"touser\":\"oX\",\"msgtype\":\"miniprogrampage\"}").message().text());
    }
}
