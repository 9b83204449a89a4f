package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push XML reader: WeChat's documented bodies, and every classic XML attack refused with a 400. */
class PushXmlParserTest {

    private final PushXmlParser parser = new PushXmlParser(64 * 1024);

    @TempDir
    Path tmp;

    private PushMessage parse(String xml) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(String xml, int status) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> parser.parse(body), xml.length() > 200 ? "" : xml);
        assertEquals(status, e.status(), e.reason());
    }

    @Test
    void parseWhenDocumentedSubscribeWithSceneThenFlatFields() {
        PushMessage m = parse("<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName>\n"
                + "<CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>\n"
                + "<EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>");
        assertEquals(Map.of("ToUserName", "toUser", "FromUserName", "FromUser", "CreateTime", "123456789", "MsgType", "event",
                "Event", "subscribe", "EventKey", "qrscene_123123", "Ticket", "TICKET"), m.fields());
        assertEquals(123456789L, m.number(PushMessage.CREATE_TIME));
    }

    @Test
    void parseWhenTextWithMarkupAndEntitiesInsideCdataThenTakenLiterally() {
        PushMessage m = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><Content><![CDATA[<b>&amp; 绑定 ]]>&lt;ok&gt;</Content>"
                + "<!-- a comment --><MsgId> 42 </MsgId></xml>");
        assertEquals("<b>&amp; 绑定 <ok>", m.get(PushMessage.CONTENT).orElseThrow(), "CDATA and text of one field join up");
        assertEquals(42L, m.number(PushMessage.MSG_ID));
    }

    @Test
    void parseWhenUnknownAndNestedElementsThenIgnored() {
        PushMessage m = parse("<xml><FromUserName>a</FromUserName><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType>"
                + "<ScanResult>1</ScanResult></ScanCodeInfo><Whatever attr=\"1\">x</Whatever><Empty/></xml>");
        assertEquals("a", m.get(PushMessage.FROM_USER).orElseThrow());
        assertFalse(m.fields().containsKey("ScanCodeInfo"));
        assertFalse(m.fields().containsKey("ScanType"), "only children of <xml> are fields");
        assertEquals("x", m.fields().get("Whatever"));
        assertTrue(m.get("Empty").isEmpty());
    }

    @Test
    void parseWhenUtf8BomThenAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] xml = "<xml><A>1</A></xml>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + xml.length];
        System.arraycopy(bom, 0, body, 0, 3);
        System.arraycopy(xml, 0, body, 3, xml.length);
        assertEquals("1", parser.parse(body).fields().get("A"));
    }

    @Test
    void parseWhenExternalFileEntityThenRefusedAndFileNeverRead() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><Content>&xxe;</Content></xml>", 400);
        assertRefused("<!DOCTYPE xml SYSTEM \"" + secret.toUri() + "\"><xml><Content>x</Content></xml>", 400);
    }

    @Test
    void parseWhenParameterEntitiesThenRefused() {
        assertRefused("<!DOCTYPE xml [<!ENTITY % dtd SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %dtd; %send;]><xml><A>1</A></xml>", 400);
        assertRefused("<!doctype xml [<!ENTITY % p \"<!ENTITY x 'y'>\"> %p;]><xml><A>&x;</A></xml>", 400);
    }

    @Test
    void parseWhenBillionLaughsThenRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]><xml><Content>&lol9;</Content></xml>";
        long start = System.nanoTime();
        assertRefused(xml, 400);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000);
    }

    @Test
    void staxAloneWhenDtdOrEntitiesThenRefusedWithoutTheTextCheck() throws Exception {
        Path secret = tmp.resolve("stax-secret.txt");
        Files.writeString(secret, "TOPSECRET");
        for (String hostile : new String[] {
            "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><xml><A>&xxe;</A></xml>",
            "<!DOCTYPE xml [<!ENTITY % d SYSTEM \"" + secret.toUri() + "\"> %d;]><xml><A>1</A></xml>",
            "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><A>&b;</A></xml>",
            "<!DOCTYPE xml SYSTEM \"" + secret.toUri() + "\"><xml><A>1</A></xml>"}) {
            Exception e = assertThrows(Exception.class, () -> parser.read(hostile), hostile);
            assertTrue(e instanceof PushRejectedException || e instanceof javax.xml.stream.XMLStreamException, e.toString());
            assertFalse(String.valueOf(e.getMessage()).contains("TOPSECRET"));
        }
    }

    @Test
    void parseWhenEntityReferenceWithoutDtdThenRefused() {
        assertRefused("<xml><Content>&xxe;</Content></xml>", 400);
    }

    @Test
    void parseWhenManyThreadsShareOneParserThenEachGetsItsOwnFields() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PushMessage>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String xml = i % 3 == 0 ? "<xml><A>" + i + "</A></xml>" : "<!DOCTYPE x><xml><A>" + i + "</A></xml>";
                results.add(pool.submit(() -> parse(xml)));
            }
            for (int i = 0; i < results.size(); i++) {
                if (i % 3 == 0) {
                    assertEquals(Map.of("A", Integer.toString(i)), results.get(i).get().fields());
                } else {
                    ExecutionException e = assertThrows(ExecutionException.class, results.get(i)::get);
                    assertEquals(400, assertInstanceOf(PushRejectedException.class, e.getCause()).status());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void declaresDtdWhenAnyCaseOrCaseFoldedLookalikeThenTrue() {
        assertTrue(PushXmlParser.declaresDtd("<xml/><!dOcTyPe x>"));
        assertTrue(PushXmlParser.declaresDtd("<!<!ENT\u0131TY a 'b'>"), "dotless i upper-cases to I, as the whole-text check had it");
        assertFalse(PushXmlParser.declaresDtd("<xml><A><![CDATA[<!DOC TYPE]]></A><!-- <!ENTIT --></xml>"));
    }

    @Test
    void parseWhenDoctypeAnywhereThenRefused() {
        assertRefused("<!DOCTYPE xml><xml><A>1</A></xml>", 400);
        assertRefused("<?xml version=\"1.0\"?>\n<!DOCTYPE xml PUBLIC \"-//x//y\" \"http://x/y.dtd\"><xml/>", 400);
        assertRefused("<xml><A><![CDATA[<!DOCTYPE inside text]]></A></xml>", 400);
    }

    @Test
    void parseWhenDeclaredUtf16OrNotUtf8ThenRefusedOrReadAsUtf8() {
        byte[] utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a \"b\">]><xml><A>&a;</A></xml>"
                .getBytes(StandardCharsets.UTF_16);
        assertEquals(400, assertThrows(PushRejectedException.class, () -> parser.parse(utf16)).status());
        byte[] latin1 = "<xml><A>caf\u00e9</A></xml>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(400, assertThrows(PushRejectedException.class, () -> parser.parse(latin1)).status());
    }

    @Test
    void parseWhenMalformedThenRefused() {
        for (String bad : new String[] {"", "   ", "not xml", "{\"ToUserName\":\"gh\"}", "<xml><A>1</A>", "<xml><A>1</B></xml>",
                "<xml></xml><xml></xml>", "<xml><A>1</A></xml>trailing", "<other><A>1</A></other>", "<xml><A>1</A><A>2</A></xml>",
                "<xml><A>\u0000</A></xml>", "<?xml version=\"1.0\"?>"}) {
            assertRefused(bad, 400);
        }
    }

    @Test
    void parseWhenWhitespaceOrCommentAfterRootThenAcceptedAndJunkStillRefused() {
        assertEquals(Map.of("A", "1"), parse("<xml><A>1</A></xml>\r\n  \t").fields());
        assertEquals(Map.of("A", "中文"), parse("<?xml version=\"1.0\"?>\n<xml><A>中文</A></xml>\n").fields());
        // legal XML after the root goes the reader's slow way, as before
        assertEquals(Map.of("A", "1"), parse("<xml><A>1</A></xml><!-- c --><?pi x?>").fields());
        for (String junk : new String[] {"<xml><A>1</A></xml>\n<b/>", "<xml><A>1</A></xml> x", "<xml><A>中</A></xml>中"}) {
            assertRefused(junk, 400);
        }
    }

    @Test
    void parseWhenReaderReusedAfterFailuresThenNothingCarriesOverAndDtdsStillRefused() throws Exception {
        PushXmlParser one = new PushXmlParser(64 * 1024);
        for (int i = 0; i < 3; i++) {
            assertThrows(PushRejectedException.class, () -> one.parse("<xml><A>1</A>".getBytes(StandardCharsets.UTF_8)));
            assertEquals(Map.of("B", "2"), one.parse("<xml><B>2</B></xml>".getBytes(StandardCharsets.UTF_8)).fields());
            assertThrows(Exception.class,
                    () -> one.read("<!DOCTYPE xml [<!ENTITY e \"x\">]><xml><A>&e;</A></xml>"));
            assertEquals(Map.of("C", "3"), one.read("<xml><C>3</C></xml>"));
        }
    }

    @Test
    void blankFromWhenOffsetUnknownOrPastEndThenFalse() {
        assertTrue(PushXmlParser.blankFrom("<xml/> \n", 6));
        assertTrue(PushXmlParser.blankFrom("<xml/>", 6));
        assertFalse(PushXmlParser.blankFrom("<xml/>x", 6));
        assertFalse(PushXmlParser.blankFrom("<xml/>", -1));
        assertFalse(PushXmlParser.blankFrom("<xml/>", 7));
    }

    @Test
    void parseWhenDeepNestingThenRefused() {
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        assertRefused("<xml><X>" + deep + "</X></xml>", 400);
        String allowed = "<a>".repeat(PushXmlParser.MAX_DEPTH - 2) + "</a>".repeat(PushXmlParser.MAX_DEPTH - 2);
        assertTrue(parse("<xml>" + allowed + "<B>1</B></xml>").fields().containsKey("B"));
    }

    @Test
    void parseWhenOversizedThenRefusedWith413() {
        PushXmlParser small = new PushXmlParser(1024);
        byte[] big = ("<xml><Content>" + "x".repeat(2000) + "</Content></xml>").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, assertThrows(PushRejectedException.class, () -> small.parse(big)).status());
    }

    @Test
    void parseWhenTooManyFieldsThenRefused() {
        StringBuilder xml = new StringBuilder("<xml>");
        for (int i = 0; i <= PushXmlParser.MAX_FIELDS; i++) {
            xml.append("<F").append(i).append(">1</F").append(i).append('>');
        }
        assertRefused(xml.append("</xml>").toString(), 400);
    }
}
