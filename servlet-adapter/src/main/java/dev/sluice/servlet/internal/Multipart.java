package dev.sluice.servlet.internal;

import dev.sluice.core.HttpException;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code multipart/form-data} (RFC 7578) for getParts, allowed only for a servlet with a multipart config
 * (Servlet 6.1 section 3.2). The body is read whole, bounded by max-request-size, and parts are kept in memory;
 * a part larger than max-file-size is a 413.
 */
final class Multipart {
    private static final String PARTS = Multipart.class.getName() + ".parts";

    private Multipart() {
    }

    @SuppressWarnings("unchecked")
    static Collection<Part> parts(ServletRequestImpl request) throws IOException, ServletException {
        Object cached = request.getAttribute(PARTS);
        if (cached != null) {
            return (Collection<Part>) cached;
        }
        MultipartConfigElement config = request.match == null ? null : request.match.holder().multipartConfig();
        if (config == null) {
            throw new IllegalStateException("The servlet has no multipart config");
        }
        String type = request.getContentType();
        String boundary = type == null ? null : parameter(type, "boundary");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || boundary == null) {
            throw new ServletException("The request is not multipart/form-data");
        }
        long maxRequest = config.getMaxRequestSize();
        InputStream in = request.getInputStream();
        byte[] body = maxRequest > 0 ? in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequest + 1))
                : in.readAllBytes();
        if (maxRequest > 0 && body.length > maxRequest) {
            throw new HttpException(413, "Multipart request larger than " + maxRequest + " bytes");
        }
        List<Part> parts = parse(body, boundary, config.getMaxFileSize());
        request.setAttribute(PARTS, parts);
        return parts;
    }

    static String parameter(String headerValue, String name) {
        for (String p : headerValue.split(";")) {
            String t = p.trim();
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = t.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    static List<Part> parse(byte[] body, String boundary, long maxFileSize) throws ServletException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new ServletException("Multipart body without boundary");
        }
        while (true) {
            pos += delimiter.length;
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts;
            }
            pos = skipLine(body, pos);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (headerEnd < 0) {
                throw new ServletException("Malformed multipart part headers");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String head = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
                }
            }
            int start = headerEnd + 4;
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int end = indexOf(body, next, start);
            if (end < 0) {
                throw new ServletException("Multipart body not terminated");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, start, end);
            if (maxFileSize > 0 && content.length > maxFileSize) {
                throw new HttpException(413, "Multipart part larger than " + maxFileSize + " bytes");
            }
            parts.add(new MemoryPart(headers, content));
            pos = end + 2;
        }
    }

    private static int skipLine(byte[] b, int pos) {
        while (pos < b.length && b[pos] != '\n') {
            pos++;
        }
        return pos + 1;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One part held in memory. */
    private record MemoryPart(Map<String, List<String>> headers, byte[] content) implements Part {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public String getContentType() {
            return getHeader("content-type");
        }

        @Override
        public String getName() {
            String disposition = getHeader("content-disposition");
            return disposition == null ? null : parameter(disposition, "name");
        }

        @Override
        public String getSubmittedFileName() {
            String disposition = getHeader("content-disposition");
            return disposition == null ? null : parameter(disposition, "filename");
        }

        @Override
        public long getSize() {
            return content.length;
        }

        @Override
        public void write(String fileName) throws IOException {
            Files.write(Path.of(fileName), content);
        }

        @Override
        public void delete() {
        }

        @Override
        public String getHeader(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public Collection<String> getHeaders(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? List.of() : List.copyOf(values);
        }

        @Override
        public Collection<String> getHeaderNames() {
            return List.copyOf(headers.keySet());
        }
    }
}
