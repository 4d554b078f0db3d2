package dev.sluice.jsp;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import org.apache.jasper.EmbeddedServletOptions;
import org.apache.jasper.JasperException;
import org.apache.jasper.compiler.JspRuntimeContext;
import org.apache.jasper.servlet.JspServletWrapper;

/**
 * Compiles every {@code .jsp} and {@code .jspx} page of a webapp (also those under WEB-INF, which servlets forward
 * to) into its work folder when it deploys, so no request pays for the first compile. The JSP servlet later finds
 * the classes up to date (Jasper compares their time stamps with the pages') and only loads them. A page that does
 * not compile is logged and left for its first request to report.
 */
final class Precompiler {
    private final ServletConfig config;
    private final ServletContext context;

    Precompiler(ServletConfig config) {
        this.config = config;
        this.context = config.getServletContext();
    }

    void compileAll() {
        List<String> pages = new ArrayList<>();
        collect("/", pages);
        EmbeddedServletOptions options = new EmbeddedServletOptions(config, context);
        JspRuntimeContext runtime = new JspRuntimeContext(context, options);
        long start = System.nanoTime();
        int failed = 0;
        try {
            for (String page : pages) {
                try {
                    new JspServletWrapper(config, options, page, runtime).getJspEngineContext().compile();
                } catch (JasperException | java.io.FileNotFoundException e) {
                    failed++;
                    SluiceJspServlet.LOG.log(Level.SEVERE, "JSP page " + page + " of " + context.getContextPath()
                            + " does not compile: " + e.getMessage());
                }
            }
        } finally {
            runtime.destroy();
        }
        SluiceJspServlet.LOG.info("Precompiled " + (pages.size() - failed) + " of " + pages.size() + " JSP pages of '"
                + context.getContextPath() + "' in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private void collect(String dir, List<String> pages) {
        Set<String> entries = context.getResourcePaths(dir);
        if (entries == null) {
            return;
        }
        for (String path : entries.stream().sorted().toList()) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (path.endsWith("/")) {
                // Tag files are compiled with the pages that use them; jars are not pages.
                if (!lower.equals("/web-inf/tags/") && !lower.equals("/web-inf/lib/")
                        && !lower.equals("/web-inf/classes/") && !lower.startsWith("/meta-inf/")) {
                    collect(path, pages);
                }
            } else if (lower.endsWith(".jsp") || lower.endsWith(".jspx")) {
                pages.add(path);
            }
        }
    }
}
