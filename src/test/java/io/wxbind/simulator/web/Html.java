package io.wxbind.simulator.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The phone-sized page frame shared by every simulator page, plus HTML escaping. Every value
 * that reaches a page goes through {@link #escape}: nicknames and app names come from tests and
 * config and may contain markup.
 */
public final class Html {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The simulator's base path ("/wechat-sim/") from the JAX-RS base URI. */
    public static String basePath(URI baseUri) {
        String path = baseUri.getRawPath();
        return path.endsWith("/") ? path : path + "/";
    }

    public static Response page(int status, String basePath, String title, String bodyHtml) {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="%sstatic/sim.css">
                </head>
                <body>
                <main class="phone">
                %s
                </main>
                <footer class="sim-footer">WeChat simulator · not the real WeChat</footer>
                </body>
                </html>
                """.formatted(escape(title), escape(basePath), bodyHtml);
        return Response.status(status).entity(html).type(CONTENT_TYPE)
                .header("Cache-Control", "no-store").build();
    }

    /** A circular avatar image. */
    public static String avatar(String url, String alt) {
        return "<img class=\"avatar\" src=\"" + escape(url) + "\" alt=\"" + escape(alt) + "\">";
    }

    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }
}
