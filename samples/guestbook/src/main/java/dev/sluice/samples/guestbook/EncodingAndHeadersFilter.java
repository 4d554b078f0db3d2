package dev.sluice.samples.guestbook;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs before every guestbook request: reads form fields as UTF-8 when the browser does not say (HTML forms
 * never label their encoding), and adds headers that keep a page showing user input safe even if escaping
 * were ever missed: no scripts from anywhere, no content sniffing, no framing.
 */
public class EncodingAndHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
