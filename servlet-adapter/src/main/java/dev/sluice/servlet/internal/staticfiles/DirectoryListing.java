package dev.sluice.servlet.internal.staticfiles;

import dev.sluice.servlet.internal.deploy.Resources;
import dev.sluice.servlet.internal.http.HtmlText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The HTML listing of a directory, when the webapp enables listings (off by default, as in Tomcat). */
public final class DirectoryListing {
    private DirectoryListing() {
    }

    public static void write(Resources resources, String path, HttpServletRequest req, HttpServletResponse resp,
            boolean content) throws IOException {
        Set<String> children = resources.children(path);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Index of ")
                .append(HtmlText.escape(path)).append("</title></head><body><h1>Index of ")
                .append(HtmlText.escape(path)).append("</h1><ul>");
        if (children != null) {
            for (String child : children) {
                if (DefaultServlet.isProtected(child)) {
                    continue;
                }
                String name = child.substring(path.length());
                html.append("<li><a href=\"").append(HtmlText.escape(name)).append("\">")
                        .append(HtmlText.escape(name)).append("</a></li>");
            }
        }
        html.append("</ul></body></html>");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setContentLength(bytes.length);
        if (content) {
            resp.getOutputStream().write(bytes);
        }
    }
}
