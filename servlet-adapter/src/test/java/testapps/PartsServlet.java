package testapps;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints what a servlet sees of a multipart request: parameters first (before getParts, as the TCK does), then
 * each part; files in the temporary folder during the request; optional Part.write (query {@code write=name}).
 * The multipart config comes from web.xml, so one class serves several limits.
 */
public class PartsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest original, HttpServletResponse resp) throws ServletException, IOException {
        // A wrapper must delegate every multipart method (the TCK's Part1Tests).
        HttpServletRequest req = original.getQueryString() != null && original.getQueryString().contains("wrap")
                ? new HttpServletRequestWrapper(original) : original;
        resp.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        if (req.getParameter("catch") != null) {
            try {
                req.getParts();
            } catch (IllegalStateException e) {
                out.println("IllegalStateException: " + e.getMessage());
            } catch (ServletException e) {
                out.println("ServletException: " + e.getMessage());
            }
            return;
        }
        if (req.getQueryString() != null && req.getQueryString().contains("partsFirst")) {
            out.println("parts first: " + req.getParts().size());
        }
        for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
            out.println("param " + e.getKey() + "=" + String.join(",", e.getValue()));
        }
        for (Part p : req.getParts()) {
            out.println("part " + p.getName() + "|" + p.getSubmittedFileName() + "|" + p.getSize() + "|"
                    + p.getContentType() + "|" + String.join(",", p.getHeaderNames()) + "|"
                    + (p.getSize() <= 64 ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    : "sha256=" + sha256(p)) + "|same=" + (p == req.getPart(p.getName())));
        }
        Path temp = location();
        out.println("temporary files=" + count(temp));
        String write = req.getParameter("write");
        if (write != null) {
            for (Part p : req.getParts()) {
                if (p.getSubmittedFileName() != null) {
                    p.write(write);
                    out.println("written " + write);
                }
            }
        }
        if (req.getParameter("delete") != null) {
            for (Part p : req.getParts()) {
                p.delete();
            }
            out.println("after delete temporary files=" + count(temp));
        }
        if (req.getParameter("heap") != null) {
            out.println("heap max MiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private Path location() {
        File tempDir = (File) getServletContext().getAttribute(jakarta.servlet.ServletContext.TEMPDIR);
        String location = getInitParameter("location");
        return location == null ? tempDir.toPath() : tempDir.toPath().resolve(location);
    }

    static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    static String sha256(Part p) throws IOException {
        try (InputStream in = p.getInputStream()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
