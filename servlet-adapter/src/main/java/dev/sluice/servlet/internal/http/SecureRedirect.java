package dev.sluice.servlet.internal.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request that a CONFIDENTIAL or INTEGRAL constraint met over plain HTTP is sent (Servlet 6.1 section
 * 13.8.1; Tomcat's redirectPort): the same host, path and query on the HTTPS port.
 */
public final class SecureRedirect {
    private SecureRedirect() {
    }

    /** {@code https://host[:port]/path?query}; the port is left out when it is 443. */
    public static String location(HttpServletRequest request, int httpsPort) {
        StringBuilder url = new StringBuilder("https://").append(request.getServerName());
        if (httpsPort != 443) {
            url.append(':').append(httpsPort);
        }
        url.append(request.getRequestURI());
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        return url.toString();
    }

    /**
     * 302 for GET and HEAD, as Tomcat sends; 307 otherwise, which keeps the method and the content (RFC 9110
     * section 15.4.8) where a 302 lets browsers turn a POST into a GET and lose its form.
     */
    public static int status(String method) {
        return method.equals("GET") || method.equals("HEAD") ? 302 : 307;
    }
}
