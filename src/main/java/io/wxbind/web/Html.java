package io.wxbind.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one page layout (phone-sized first) and HTML escaping. Every value that did not come
 * from this source file goes through {@link #esc}.
 */
public final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f7;color:#1b1b1b}
            main{max-width:34rem;margin:0 auto;padding:1.25rem}
            h1{font-size:1.35rem;margin:.5rem 0 1rem}
            .card{background:#fff;border-radius:.75rem;padding:1rem 1.1rem;margin:0 0 1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
            .btn{display:inline-block;background:#07c160;color:#fff;border:0;border-radius:.5rem;padding:.7rem 1.1rem;font-size:1rem;text-decoration:none;cursor:pointer}
            .btn.secondary{background:#e7e7e7;color:#1b1b1b}
            label{display:block;margin:.6rem 0 .2rem;font-weight:600}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #ccc;border-radius:.4rem}
            .error{background:#fdecea;color:#8a1c12;border-radius:.5rem;padding:.6rem .8rem;margin:.5rem 0}
            .muted{color:#666;font-size:.85rem}
            table{width:100%;border-collapse:collapse;font-size:.9rem}td,th{text-align:left;padding:.35rem .25rem;border-bottom:1px solid #eee}
            code{font-size:.85rem}
            """;

    private Html() {
    }

    public static String esc(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Writes a complete page; {@code bodyHtml} must already be escaped where needed. */
    public static void send(HttpServletResponse response, int status, String title, String bodyHtml) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' https: http: data:; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc(title) + " · WxBind</title><style>" + STYLE + "</style></head><body><main>"
                + "<h1>" + esc(title) + "</h1>" + bodyHtml + "</main></body></html>");
    }
}
