package io.wxbind.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forms as a browser submits them: every hidden field the page put in the form (the ticket, and
 * whatever anti-CSRF token the page carries) plus what the person types.
 */
public final class Forms {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private Forms() {
    }

    /** The hidden fields of the page's first form. */
    public static Map<String, String> hiddenFields(String html) {
        int start = html.indexOf("<form");
        int end = html.indexOf("</form>", start);
        assertTrue(start >= 0 && end > start, "no form in " + html);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html.substring(start, end));
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        return fields;
    }

    /** The password form of a bind page (flow step 4), with its hidden fields; fails on any other page. */
    public static Map<String, String> bindForm(WeChatBrowser.Chain chain) {
        WeChatBrowser.Page page = chain.last();
        assertEquals(200, page.status(), chain.toString());
        assertTrue(page.path().endsWith("/wechat/bind"), chain.toString());
        Map<String, String> fields = hiddenFields(page.body());
        assertTrue(fields.containsKey("ticket"), "no ticket in the bind form");
        return fields;
    }

    /** {@code fields} plus name/value pairs. */
    public static Map<String, String> with(Map<String, String> fields, String... namesAndValues) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            all.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return all;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
