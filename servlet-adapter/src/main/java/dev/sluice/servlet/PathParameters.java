package dev.sluice.servlet;

/**
 * Path parameters ({@code ;name=value} after a segment, RFC 3986 section 3.3) removed from a raw request path
 * before it is decoded and mapped, as Servlet 6.1 section 3.5 and Tomcat do. A {@code jsessionid} parameter
 * is kept as the URL-tracked session id (section 7.1.3).
 */
record PathParameters(String path, String sessionId) {
    static PathParameters strip(String rawPath) {
        if (rawPath.indexOf(';') < 0) {
            return new PathParameters(rawPath, null);
        }
        StringBuilder out = new StringBuilder(rawPath.length());
        String sessionId = null;
        int i = 0;
        while (i < rawPath.length()) {
            char c = rawPath.charAt(i);
            if (c != ';') {
                out.append(c);
                i++;
                continue;
            }
            int end = rawPath.indexOf('/', i);
            if (end < 0) {
                end = rawPath.length();
            }
            for (String param : rawPath.substring(i + 1, end).split(";")) {
                if (param.regionMatches(true, 0, "jsessionid=", 0, 11) && sessionId == null) {
                    sessionId = param.substring(11);
                }
            }
            i = end;
        }
        return new PathParameters(out.toString(), sessionId);
    }
}
