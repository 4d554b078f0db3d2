package dev.sluice.servlet.internal.http;

import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A short HTML report of an error status, as Tomcat's ErrorReportValve writes, without details that could leak. */
public final class ErrorReport {
    private ErrorReport() {
    }

    /** Writes the report unless the response is committed or its status forbids content. */
    public static void write(Response core, int code, String message) throws IOException {
        if (core.isCommitted()) {
            return;
        }
        Status status = Status.of(code);
        if (status.forbidsContent()) {
            return;
        }
        core.resetBuffer();
        core.headers().set("Content-Type", "text/html;charset=utf-8");
        core.headers().remove("Content-Length");
        String title = "HTTP Status " + code + " – " + status.reason();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>")
                .append(HtmlText.escape(title)).append("</title></head><body><h1>").append(HtmlText.escape(title))
                .append("</h1>");
        if (message != null && !message.isEmpty()) {
            html.append("<p>").append(HtmlText.escape(message)).append("</p>");
        }
        html.append("</body></html>");
        core.body().write(html.toString().getBytes(StandardCharsets.UTF_8));
    }
}
