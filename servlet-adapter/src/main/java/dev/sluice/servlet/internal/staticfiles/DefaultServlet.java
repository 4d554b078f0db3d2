package dev.sluice.servlet.internal.staticfiles;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.UUID;

/**
 * The container's servlet for static files, mapped to {@code /} when the webapp maps nothing there: GET and HEAD
 * with validators and conditional requests (RFC 9110 sections 8.8 and 13), byte ranges (section 14), media types
 * from the webapp's mime-mappings and then a built-in table, a redirect of a directory to its trailing slash,
 * a 404 for anything under WEB-INF or META-INF (Servlet 6.1 section 10.5), and a 500 instead of the source of a
 * JSP page that reaches it (no JSP module mapped {@code *.jsp}).
 */
public final class DefaultServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient StaticSource app;

    @Override
    public void init() {
        app = (StaticSource) getServletContext();
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        methodNotAllowed(req, resp);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        methodNotAllowed(req, resp);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        methodNotAllowed(req, resp);
    }

    private static void methodNotAllowed(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getDispatcherType() == DispatcherType.ERROR) {
            return;
        }
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.sendError(405);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        serve(req, resp, false);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        serve(req, resp, true);
    }

    /** The resource path: the include's when included, else this dispatch's. */
    private static String resourcePath(HttpServletRequest req) {
        String servletPath;
        String pathInfo;
        if (req.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI) != null) {
            servletPath = (String) req.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH);
            pathInfo = (String) req.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO);
        } else {
            servletPath = req.getServletPath();
            pathInfo = req.getPathInfo();
        }
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    public static boolean isJsp(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsp") || lower.endsWith(".jspx");
    }

    public static boolean isProtected(String path) {
        String upper = path.toUpperCase(Locale.ROOT);
        return upper.equals("/WEB-INF") || upper.startsWith("/WEB-INF/")
                || upper.equals("/META-INF") || upper.startsWith("/META-INF/");
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, boolean content)
            throws IOException {
        String path = resourcePath(req);
        boolean included = req.getDispatcherType() == DispatcherType.INCLUDE;
        if (isProtected(path)) {
            notFound(req, resp, included);
            return;
        }
        if (isJsp(path)) {
            // Tomcat's global web.xml maps *.jsp and *.jspx to its JSP engine; here a JSP module would. Without
            // one, never answer a page's source instead: the same error a declared <jsp-file> servlet gives.
            if (!included) {
                resp.sendError(500, "JSP is not supported");
            }
            return;
        }
        Path file = app.resources().file(path);
        BasicFileAttributes attributes = file == null ? null : attributes(file);
        if (attributes != null && attributes.isDirectory()) {
            if (!path.endsWith("/")) {
                // A directory's relative links resolve against its trailing slash (Tomcat redirects likewise).
                String location = req.getRequestURI() + "/";
                if (req.getQueryString() != null) {
                    location += "?" + req.getQueryString();
                }
                resp.sendRedirect(location);
                return;
            }
            if (app.directoryListing() && !included) {
                DirectoryListing.write(app.resources(), path, req, resp, content);
                return;
            }
            notFound(req, resp, included);
            return;
        }
        if (attributes == null || !attributes.isRegularFile()) {
            URL jarResource = path.endsWith("/") ? null : app.resources().url(path);
            if (jarResource == null) {
                notFound(req, resp, included);
                return;
            }
            serveUrl(jarResource, path, resp, content);
            return;
        }
        long length = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis() / 1000 * 1000;
        String etag = "W/\"" + length + "-" + modified + "\"";
        if (!included) {
            resp.setHeader("Accept-Ranges", "bytes");
            resp.setHeader("ETag", etag);
            resp.setDateHeader("Last-Modified", modified);
            if (!Conditionals.check(req, resp, etag, modified)) {
                return;
            }
        }
        String type = getServletContext().getMimeType(path);
        if (type != null && !included) {
            resp.setContentType(type);
        }
        ByteRanges.Result ranges = included || !"GET".equals(req.getMethod())
                || !Conditionals.ifRangeMatches(req, etag, modified)
                ? ByteRanges.parse(null, length) : ByteRanges.parse(req.getHeader("Range"), length);
        if (ranges.unsatisfiable()) {
            resp.setHeader("Content-Range", "bytes */" + length);
            resp.sendError(416);
            return;
        }
        if (ranges.ignore()) {
            if (!included && !contentWritten(resp)) {
                resp.setContentLengthLong(length);
            }
            if (content) {
                try (InputStream in = Files.newInputStream(file)) {
                    copy(in, resp, length);
                }
            }
            return;
        }
        resp.setStatus(206);
        if (ranges.ranges().size() == 1) {
            ByteRanges.Range r = ranges.ranges().get(0);
            resp.setHeader("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + length);
            if (!contentWritten(resp)) {
                resp.setContentLengthLong(r.length());
            }
            if (content) {
                writeRange(file, r, resp.getOutputStream());
            }
            return;
        }
        String boundary = UUID.randomUUID().toString().replace("-", "");
        resp.setContentType("multipart/byteranges; boundary=" + boundary);
        if (!content) {
            return;
        }
        ServletOutputStream out = resp.getOutputStream();
        for (ByteRanges.Range r : ranges.ranges()) {
            StringBuilder part = new StringBuilder("\r\n--").append(boundary).append("\r\n");
            if (type != null) {
                part.append("Content-Type: ").append(type).append("\r\n");
            }
            part.append("Content-Range: bytes ").append(r.first()).append('-').append(r.last()).append('/')
                    .append(length).append("\r\n\r\n");
            out.write(part.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            writeRange(file, r, out);
        }
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * Whether something (a filter, say) already wrote to the response: the Content-Length would then have to
     * count that too, so the file's length is not declared and the container frames the whole content itself.
     */
    private static boolean contentWritten(jakarta.servlet.ServletResponse resp) {
        jakarta.servlet.ServletResponse r = resp;
        while (r instanceof jakarta.servlet.ServletResponseWrapper w) {
            r = w.getResponse();
        }
        return r instanceof ContentWritten impl && impl.contentWritten() > 0;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private void serveUrl(URL url, String path, HttpServletResponse resp, boolean content) throws IOException {
        String type = getServletContext().getMimeType(path);
        if (type != null) {
            resp.setContentType(type);
        }
        java.net.URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            if (!contentWritten(resp)) {
                resp.setContentLength(bytes.length);
            }
            if (content) {
                resp.getOutputStream().write(bytes);
            }
        }
    }

    private static void notFound(HttpServletRequest req, HttpServletResponse resp, boolean included)
            throws IOException {
        if (included) {
            // Servlet 6.1 section 9.3: an include cannot set the status; Tomcat throws likewise.
            throw new java.io.FileNotFoundException("Included resource not found: " + resourcePath(req));
        }
        resp.sendError(404);
    }

    private static void writeRange(Path file, ByteRanges.Range r, OutputStream out) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ch.position(r.first());
            InputStream in = Channels.newInputStream(ch);
            byte[] buffer = new byte[8192];
            long left = r.length();
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static void copy(InputStream in, HttpServletResponse resp, long length) throws IOException {
        OutputStream out;
        try {
            out = resp.getOutputStream();
        } catch (IllegalStateException usingWriter) {
            // Included into a servlet that writes characters: the file's bytes as UTF-8 text.
            resp.getWriter().write(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        in.transferTo(out);
    }
}
