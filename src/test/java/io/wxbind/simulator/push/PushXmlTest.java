package io.wxbind.simulator.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PushXmlTest {

    @Test
    void cdataWhenValueContainsTerminatorThenSplitAcrossSections() {
        assertEquals("<![CDATA[a]]]]><![CDATA[>b]]>", PushXml.cdata("a]]>b"));
        assertEquals("<![CDATA[]]>", PushXml.cdata(null));
        String tricky = "x]]><script>&amp;]]>]]>";
        String xml = PushXml.start().text("Content", tricky).end();
        assertEquals(tricky, PushXml.parse(xml).get("Content"), "the text survives a round trip");
    }

    @Test
    void buildWhenTextMessageThenStringsInCdataNumbersBareInDocumentedOrder() {
        PushMessage text = PushMessage.text("gh_0123456789ab", "oUser", 1348831860L, "绑定 <bind> & \"go\"", 1234567890123456L);
        assertEquals("<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[oUser]]>"
                + "</FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[绑定 <bind> & \"go\"]]></Content><MsgId>1234567890123456</MsgId></xml>", text.xml());
        Map<String, String> fields = PushXml.parse(text.xml());
        assertEquals("绑定 <bind> & \"go\"", fields.get("Content"));
        assertEquals("1234567890123456", fields.get("MsgId"));
    }

    @Test
    void buildWhenEventWithoutKeyThenNoEventKeyElement() {
        String xml = PushMessage.event("gh_0123456789ab", "oUser", 1L, "unsubscribe", null, null).xml();
        assertEquals("<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[oUser]]>"
                + "</FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[unsubscribe]]></Event></xml>", xml);
    }

    @Test
    void parseWhenWhitespaceAndSplitCdataThenFieldsByName() {
        Map<String, String> fields = PushXml.parse("<xml>\n  <A><![CDATA[one]]></A>\n  <B>2</B><A>ignored</A>"
                + "<C><![CDATA[x]]]]><![CDATA[>y]]></C></xml>");
        assertEquals(Map.of("A", "one", "B", "2", "C", "x]]>y"), fields);
    }

    @Test
    void parseWhenNotXmlOrOtherRootOrDoctypeThenRejected() {
        assertThrows(IllegalArgumentException.class, () -> PushXml.parse("{\"json\":true}"));
        assertThrows(IllegalArgumentException.class, () -> PushXml.parse("<reply><A>1</A></reply>"));
        IllegalArgumentException xxe = assertThrows(IllegalArgumentException.class, () -> PushXml.parse(
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><A>&e;</A></xml>"));
        assertTrue(xxe.getMessage().contains("XML"), xxe.getMessage());
    }
}
