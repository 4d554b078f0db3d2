package dev.sluice.springboot;

import dev.sluice.servlet.EmbeddedWebapp;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.util.Collection;
import java.util.EventListener;
import org.apache.commons.logging.Log;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.servlet.DocumentRoot;
import org.springframework.boot.web.server.servlet.ServletContextInitializers;
import org.springframework.boot.web.server.servlet.ServletWebServerSettings;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.util.ClassUtils;

/** Turns Boot's servlet settings, error pages and initializers into the one {@link EmbeddedWebapp} Sluice serves. */
final class WebappDefinition {
    private final ServletWebServerSettings settings;
    private final Collection<ErrorPage> errorPages;
    private final Compression compression;
    private final Log log;

    WebappDefinition(ServletWebServerSettings settings, Collection<ErrorPage> errorPages, Compression compression,
                     Log log) {
        this.settings = settings;
        this.errorPages = errorPages;
        this.compression = compression;
        this.log = log;
    }

    EmbeddedWebapp build(ServletContextInitializer... initializers) {
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        EmbeddedWebapp.Builder app = EmbeddedWebapp.builder(settings.getContextPath().toString(), loader);
        DocumentRoot documentRoot = new DocumentRoot(log);
        documentRoot.setDirectory(settings.getDocumentRoot());
        File root = documentRoot.getValidDirectory();
        // A packaged .war is Boot's document root when run with java -jar; its files are served from the class path.
        if (root != null && root.isDirectory()) {
            app.documentRoot(root.toPath());
        }
        if (settings.getDisplayName() != null) {
            app.displayName(settings.getDisplayName());
        }
        for (MimeMappings.Mapping m : settings.getMimeMappings()) {
            app.mimeType(m.getExtension(), m.getMimeType());
        }
        if (settings.getSession().getTimeout() != null) {
            app.sessionTimeout(settings.getSession().getTimeout());
        }
        // As Boot's Tomcat: English, French and Japanese pages are UTF-8, not the ISO-8859-1 of the containers' tables.
        app.localeEncoding("en", "UTF-8").localeEncoding("fr", "UTF-8").localeEncoding("ja", "UTF-8");
        settings.getLocaleCharsetMappings().forEach((locale, charset) ->
                app.localeEncoding(locale.toString(), charset.name()));
        for (ErrorPage page : errorPages) {
            if (page.isGlobal()) {
                app.defaultErrorPage(page.getPath());
            } else if (page.getExceptionName() != null) {
                app.errorPage(page.getExceptionName(), page.getPath());
            } else {
                app.errorPage(page.getStatusCode(), page.getPath());
            }
        }
        if (compression != null && compression.getEnabled()) {
            // First, so the filter wraps every other filter and servlet of the application.
            app.initializer((classes, ctx) -> CompressionFilter.register(ctx, compression));
        }
        app.initializer(webListeners(loader));
        for (ServletContextInitializer initializer : ServletContextInitializers.from(settings, initializers)) {
            app.initializer((classes, ctx) -> initializer.onStartup(ctx));
        }
        return app.build();
    }

    /** The {@code @WebListener} classes Boot's servlet component scan found, added by name. */
    private ServletContainerInitializer webListeners(ClassLoader loader) {
        return (classes, ctx) -> {
            for (String name : settings.getWebListenerClassNames()) {
                addListener(ctx, loader, name);
            }
        };
    }

    private static void addListener(ServletContext ctx, ClassLoader loader, String name) {
        try {
            ctx.addListener(Class.forName(name, false, loader).asSubclass(EventListener.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Web listener class " + name + " not found", e);
        }
    }
}
