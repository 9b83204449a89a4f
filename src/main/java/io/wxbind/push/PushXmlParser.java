package io.wxbind.push;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads WeChat's flat push XML (protocol §6.2, §7.4): {@code <xml>} with one level of children
 * holding text or CDATA. Nothing else of XML is wanted, so nothing else is allowed near the
 * parser: no DTD anywhere (XXE, billion laughs), UTF-8 only (WeChat sends nothing else, and a
 * declared UTF-16 would let a DOCTYPE slip past the text check), a size cap, a depth cap, and no
 * duplicate fields (two {@code FromUserName}s would let two readers disagree about the sender).
 * Nested children (e.g. {@code ScanCodeInfo}) are skipped; unknown fields are kept and ignored.
 *
 * <p>Uses the JDK's own StAX implementation ({@code newDefaultFactory}), whatever the server
 * puts on the class path, so that the hardening below is known to apply.
 */
public final class PushXmlParser {

    static final int MAX_DEPTH = 8;
    static final int MAX_FIELDS = 100;
    private static final String MALFORMED = "body is not WeChat push XML";
    private static final String REUSE_READER = "reuse-instance";

    private final int maxBytes;
    /**
     * Configured factories, each lent to one parse at a time: creating a reader is not documented
     * as thread-safe, and each factory reuses its one reader (reset, same settings) once the
     * previous parse closed it, which halves the cost of a reader. At most one factory per
     * concurrent caller is ever made.
     */
    private final Queue<XMLInputFactory> factories = new ConcurrentLinkedQueue<>();

    public PushXmlParser(int maxBytes) {
        this.maxBytes = maxBytes;
        factories.offer(newFactory());
    }

    private XMLInputFactory borrowFactory() {
        XMLInputFactory factory = factories.poll();
        return factory != null ? factory : newFactory();
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        // CDATA and text of one field arrive as one piece (e.g. "<![CDATA[a]]>b").
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        try {
            // The JDK's StAX (always the implementation of newDefaultFactory) resets and hands out its
            // last closed reader again instead of building a new one (half a push's parsing time).
            factory.setProperty(REUSE_READER, Boolean.TRUE);
        } catch (IllegalArgumentException notSupported) {
            // another JDK: a new reader each time, as before
        }
        return factory;
    }

    /** The fields of {@code <xml>}, in document order; any problem is a 400 {@link PushRejectedException}. */
    public PushMessage parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw PushRejectedException.badRequest("empty body");
        }
        if (body.length > maxBytes) {
            throw new PushRejectedException(413, "body too large");
        }
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (declaresDtd(text)) {
            throw PushRejectedException.badRequest("DTD not allowed");
        }
        try {
            return new PushMessage(read(text));
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof PushRejectedException p) {
                throw p;
            }
            throw PushRejectedException.badRequest(MALFORMED);
        }
    }

    /**
     * Whether {@code <!DOCTYPE} or {@code <!ENTITY} occurs anywhere, in any case. Looks only where
     * {@code <!} occurs instead of upper-casing a copy of the whole text; {@code regionMatches}
     * folds case char by char as {@code toUpperCase} does, so it refuses at least the same texts.
     */
    static boolean declaresDtd(String text) {
        for (int i = text.indexOf("<!"); i >= 0; i = text.indexOf("<!", i + 2)) {
            if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9) || text.regionMatches(true, i, "<!ENTITY", 0, 8)) {
                return true;
            }
        }
        return false;
    }

    /** The StAX pass alone (package-private so tests can show it refuses DTDs without the text check). */
    Map<String, String> read(String text) throws XMLStreamException {
        XMLInputFactory factory = borrowFactory();
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(text));
            try {
                return fields(r, text);
            } finally {
                r.close(); // before the factory goes back: only a closed reader is handed out again
            }
        } finally {
            factories.offer(factory);
        }
    }

    /** The fields of the root, stopping where it ends when nothing but whitespace follows. */
    private static Map<String, String> fields(XMLStreamReader r, String text) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        int depth = 0;
        String field = null;
        StringBuilder value = new StringBuilder();
        boolean nested = false;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                    throw PushRejectedException.badRequest("DTD not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        throw PushRejectedException.badRequest("XML nested too deeply");
                    }
                    if (depth == 1 && !"xml".equals(r.getLocalName())) {
                        throw PushRejectedException.badRequest(MALFORMED);
                    }
                    if (depth == 2) {
                        field = r.getLocalName();
                        value.setLength(0);
                        nested = false;
                    } else if (depth > 2) {
                        nested = true;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 2) {
                        value.append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 2 && !nested) {
                        if (fields.putIfAbsent(field, value.toString()) != null) {
                            throw PushRejectedException.badRequest("duplicate field in push XML");
                        }
                        if (fields.size() > MAX_FIELDS) {
                            throw PushRejectedException.badRequest("too many fields in push XML");
                        }
                    }
                    depth--;
                    if (depth == 0 && blankFrom(text, r.getLocation().getCharacterOffset())) {
                        // Done: the JDK scanner's pass over the trailing input to the document's
                        // end was a large share of the push profile (P4). Anything but whitespace
                        // after the root still goes through the reader, and fails.
                        return fields;
                    }
                }
                default -> {
                    // comments, processing instructions, end of document
                }
            }
        }
        return fields;
    }

    /** Whether only whitespace follows {@code offset} (false when the reader does not know its offset). */
    static boolean blankFrom(String text, int offset) {
        if (offset < 0 || offset > text.length()) {
            return false;
        }
        for (int i = offset; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw PushRejectedException.badRequest("body is not UTF-8");
        }
    }
}
