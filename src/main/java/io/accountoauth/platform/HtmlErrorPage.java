package io.accountoauth.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTML error page that a REST endpoint answers when a browser is talking to it and nothing can be
 * redirected: the same look as the Faces pages, every value escaped.
 */
public final class HtmlErrorPage {

    private HtmlErrorPage() {
    }

    public static Response response(Response.Status status, String title, String message, String contextPath) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(render(status.getStatusCode(), title, message, contextPath))
                .build();
    }

    static String render(int status, String title, String message, String contextPath) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="UTF-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>%1$s · Yoisho Bank</title>
                <link rel="stylesheet" href="%4$s/static/site.css"/>
                </head>
                <body>
                <header class="bank"><span class="brand">Yoisho Bank</span> <span class="sandbox">sandbox</span></header>
                <main class="card error" data-status="%2$d">
                <h1>%1$s</h1>
                <p class="message">%3$s</p>
                <p class="hint">The app that sent you here is not set up to receive an answer at this address,
                so you have not been sent back to it. Close this page and tell the app's developer.</p>
                </main>
                </body>
                </html>
                """.formatted(escape(title), status, escape(message), escape(contextPath));
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
}
