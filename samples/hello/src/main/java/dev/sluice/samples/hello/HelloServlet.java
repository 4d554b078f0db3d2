package dev.sluice.samples.hello;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers with the request's method, path and protocol: the smallest useful servlet. Declared by annotation
 * alone; the webapp has no web.xml. Mapped to {@code /}, the default servlet, so it answers every path of the
 * webapp.
 */
@WebServlet(name = "hello", urlPatterns = "/")
public class HelloServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = "Hello from Sluice\n"
                + "method: " + request.getMethod() + "\n"
                + "path: " + request.getRequestURI() + "\n"
                + "protocol: " + request.getProtocol() + "\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
