package io.wxbind.simulator.push;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.helpers.DefaultHandler;

/**
 * WeChat's push XML (protocol §6.2): a flat {@code <xml>} element whose string values are CDATA
 * and whose numbers are bare. Building splits {@code ]]>} across two CDATA sections so any text
 * survives; reading (passive replies) refuses DTDs and external entities.
 */
public final class PushXml {

    private final StringBuilder xml = new StringBuilder("<xml>");

    public static PushXml start() {
        return new PushXml();
    }

    /** A string field: {@code <Name><![CDATA[value]]></Name>}. */
    public PushXml text(String name, String value) {
        xml.append('<').append(name).append('>').append(cdata(value)).append("</").append(name).append('>');
        return this;
    }

    /** A number field: {@code <Name>123</Name>}. */
    public PushXml number(String name, long value) {
        xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        return this;
    }

    public String end() {
        return xml + "</xml>";
    }

    /** {@code <![CDATA[...]]>}, with every {@code ]]>} split so the section cannot end early. */
    public static String cdata(String value) {
        String safe = value == null ? "" : value;
        return "<![CDATA[" + safe.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /**
     * The child elements of a flat {@code <xml>} document, name → text (first occurrence wins).
     * IllegalArgumentException when the text is not such a document.
     */
    public static Map<String, String> parse(String text) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML");
        }
        Element root = document.getDocumentElement();
        if (!"xml".equals(root.getNodeName())) {
            throw new IllegalArgumentException("the root element is <" + root.getNodeName() + ">, not <xml>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                fields.putIfAbsent(element.getNodeName(), element.getTextContent());
            }
        }
        return fields;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
        return builder;
    }
}
