package dev.sluice.samples.upload;

import static dev.sluice.samples.upload.Html.escape;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /files}: the upload form and the list of stored files; POST stores the chosen files and answers
 * {@code 303 See Other}. {@code /download?name=}: one stored file as an attachment. The limits are those of
 * the {@link MultipartConfig} below, and the page states them from it.
 */
@WebServlet(urlPatterns = {"/files", "/download"})
@MultipartConfig(maxFileSize = 5 * 1024 * 1024, maxRequestSize = 6 * 1024 * 1024, fileSizeThreshold = 64 * 1024)
public class FilesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_FILES = 20;
    private static final long MAX_FOLDER_BYTES = 30L * 1024 * 1024;

    private transient UploadStore store;

    /** The folder: context parameter {@code upload.dir} if set, else {@code uploads} in the context's tempdir. */
    @Override
    public void init() throws ServletException {
        ServletContext context = getServletContext();
        String configured = context.getInitParameter("upload.dir");
        Path folder = configured != null && !configured.isBlank() ? Path.of(configured)
                : ((File) context.getAttribute(ServletContext.TEMPDIR)).toPath().resolve("uploads");
        try {
            store = new UploadStore(folder, MAX_FILES, MAX_FOLDER_BYTES);
        } catch (IOException e) {
            throw new ServletException("Cannot create the upload folder " + folder, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/download")) {
            download(req, resp);
            return;
        }
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(Html.page("Upload", listing(req.getContextPath())));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/download")) {
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        List<Part> files = new ArrayList<>();
        try {
            for (Part p : req.getParts()) {
                if (p.getName().equals("file") && FileNames.storable(p.getSubmittedFileName()) != null) {
                    files.add(p);
                }
            }
        } catch (IllegalStateException e) { // max-file-size or max-request-size (Servlet 6.1 getParts)
            refuse(resp, 413, "The upload is larger than the limits: " + FileNames.size(limits().maxFileSize())
                    + " per file, " + FileNames.size(limits().maxRequestSize()) + " per upload.");
            return;
        } catch (ServletException e) {
            refuse(resp, 400, "The upload must be sent as multipart/form-data.");
            return;
        } catch (IOException e) {
            refuse(resp, 400, "The upload could not be read: " + e.getMessage());
            return;
        }
        if (files.isEmpty()) {
            refuse(resp, 400, "Choose a file to upload.");
            return;
        }
        for (Part p : files) {
            store.store(p, FileNames.storable(p.getSubmittedFileName()));
        }
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + "/files");
    }

    private void download(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        Path file = store.file(name);
        if (file == null) {
            refuse(resp, 404, "No stored file has that name.");
            return;
        }
        // Never rendered by the browser: an uploaded .html must not run as this site's page.
        resp.setContentType("application/octet-stream");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Content-Disposition", FileNames.contentDisposition(name));
        resp.setContentLengthLong(Files.size(file));
        Files.copy(file, resp.getOutputStream());
    }

    /** A short page (or line) with the one-line reason. */
    private static void refuse(HttpServletResponse resp, int status, String reason) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(Html.page("Upload refused", "    <h1>Upload refused</h1>\n"
                + "    <p class=\"error\">" + escape(reason) + "</p>\n"
                + "    <p><a href=\"files\">Back to the files</a></p>\n"));
    }

    private MultipartConfig limits() {
        return FilesServlet.class.getAnnotation(MultipartConfig.class);
    }

    private String listing(String contextPath) throws IOException {
        MultipartConfig limits = limits();
        StringBuilder b = new StringBuilder();
        b.append("    <h1>Upload</h1>\n")
                .append("    <p class=\"lead\">Files up to ").append(FileNames.size(limits.maxFileSize()))
                .append(" each, ").append(FileNames.size(limits.maxRequestSize())).append(" per upload")
                .append(" (<code>@MultipartConfig</code>); the folder keeps the newest ").append(MAX_FILES)
                .append(" files, ").append(FileNames.size(MAX_FOLDER_BYTES)).append(" in all.</p>\n")
                .append("    <form method=\"post\" action=\"").append(escape(contextPath))
                .append("/files\" enctype=\"multipart/form-data\">\n")
                .append("      <label>Files <input type=\"file\" name=\"file\" multiple required></label>\n")
                .append("      <button type=\"submit\">Upload</button>\n    </form>\n");
        List<UploadStore.StoredFile> files = store.list();
        b.append("    <h2>").append(files.isEmpty() ? "No files yet" : files.size() == 1 ? "1 file"
                : files.size() + " files").append("</h2>\n");
        if (!files.isEmpty()) {
            b.append("    <table>\n      <tr><th>Name</th><th class=\"num\">Size</th></tr>\n");
            for (UploadStore.StoredFile f : files) {
                b.append("      <tr><td><a href=\"").append(escape(contextPath)).append("/download?name=")
                        .append(escape(URLEncoder.encode(f.name(), StandardCharsets.UTF_8))).append("\">")
                        .append(escape(f.name())).append("</a></td><td class=\"num\">")
                        .append(FileNames.size(f.size())).append("</td></tr>\n");
            }
            b.append("    </table>\n");
        }
        return b.toString();
    }
}
