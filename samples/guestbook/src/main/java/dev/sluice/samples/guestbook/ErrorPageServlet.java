package dev.sluice.samples.guestbook;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The custom error page that web.xml declares for 404 and 500. The container forwards here with the error's
 * status and original URI as request attributes; the URI is user input and is escaped like any other.
 */
public class ErrorPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Any method: an error dispatch keeps the failed request's method, POST included. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String requestUri = uri instanceof String s ? s : request.getRequestURI();
        byte[] html = Pages.error(request.getContextPath(), status, requestUri).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
