package dev.sluice.servlet;

import jakarta.servlet.ServletContainerInitializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A webapp defined in code rather than a folder, for an application that embeds the container (Spring Boot): its
 * classes are the application's, its servlets, filters and listeners are registered by the initializers, and
 * what a web.xml would declare (error pages, context parameters, MIME types, session timeout) is given here.
 * Deployed with {@link ServletContainer#deploy(EmbeddedWebapp)}. Nothing is scanned: no annotations and no
 * ServletContainerInitializer of the application's class path run, only the container modules' and those given.
 * Immutable.
 */
public final class EmbeddedWebapp {
    private final String contextPath;
    private final ClassLoader classLoader;
    private final Path documentRoot;
    private final List<ServletContainerInitializer> initializers;
    private final String displayName;
    private final Map<Integer, String> errorPagesByStatus;
    private final Map<String, String> errorPagesByException;
    private final String defaultErrorPage;
    private final Map<String, String> initParameters;
    private final Map<String, String> mimeTypes;
    private final Duration sessionTimeout;
    private final Map<String, String> localeEncodings;

    private EmbeddedWebapp(Builder b) {
        this.contextPath = b.contextPath;
        this.classLoader = b.classLoader;
        this.documentRoot = b.documentRoot;
        this.initializers = List.copyOf(b.initializers);
        this.displayName = b.displayName;
        this.errorPagesByStatus = Map.copyOf(b.errorPagesByStatus);
        this.errorPagesByException = Map.copyOf(b.errorPagesByException);
        this.defaultErrorPage = b.defaultErrorPage;
        this.initParameters = Map.copyOf(b.initParameters);
        this.mimeTypes = Map.copyOf(b.mimeTypes);
        this.sessionTimeout = b.sessionTimeout;
        this.localeEncodings = Map.copyOf(b.localeEncodings);
    }

    /**
     * @param contextPath "" for the root context, else "/name" without a trailing slash (Servlet 6.1 section 4.4)
     * @param classLoader the application's loader: the webapp's classes and resources, and its requests'
     *                    context class loader
     * @throws IllegalArgumentException for a malformed context path
     */
    public static Builder builder(String contextPath, ClassLoader classLoader) {
        return new Builder(contextPath, classLoader);
    }

    public String contextPath() { return contextPath; }

    public ClassLoader classLoader() { return classLoader; }

    /** The folder of static files and ServletContext resources, or null for none (a private empty one). */
    public Path documentRoot() { return documentRoot; }

    /** Run in this order at start, after the container modules' initializers, each with null classes. */
    public List<ServletContainerInitializer> initializers() { return initializers; }

    public String displayName() { return displayName; }

    public Map<Integer, String> errorPagesByStatus() { return errorPagesByStatus; }

    /** Error page locations by the exception class's binary name. */
    public Map<String, String> errorPagesByException() { return errorPagesByException; }

    /** The page of every error status and exception no other error page takes, or null. */
    public String defaultErrorPage() { return defaultErrorPage; }

    public Map<String, String> initParameters() { return initParameters; }

    /** MIME types by lower-case file extension, over the container's table. */
    public Map<String, String> mimeTypes() { return mimeTypes; }

    /** Idle time before a session expires, whole minutes; null for the container's default. */
    public Duration sessionTimeout() { return sessionTimeout; }

    /** Charsets by locale ({@code ja}, {@code zh_TW}), over the container's table (Servlet 6.1 section 5.6). */
    public Map<String, String> localeEncodings() { return localeEncodings; }

    /** Options of an embedded webapp; not thread safe. */
    public static final class Builder {
        private final String contextPath;
        private final ClassLoader classLoader;
        private Path documentRoot;
        private final List<ServletContainerInitializer> initializers = new ArrayList<>();
        private String displayName;
        private final Map<Integer, String> errorPagesByStatus = new LinkedHashMap<>();
        private final Map<String, String> errorPagesByException = new LinkedHashMap<>();
        private String defaultErrorPage;
        private final Map<String, String> initParameters = new LinkedHashMap<>();
        private final Map<String, String> mimeTypes = new LinkedHashMap<>();
        private Duration sessionTimeout;
        private final Map<String, String> localeEncodings = new LinkedHashMap<>();

        private Builder(String contextPath, ClassLoader classLoader) {
            Objects.requireNonNull(contextPath, "contextPath");
            if (!contextPath.isEmpty() && (!contextPath.startsWith("/") || contextPath.endsWith("/"))) {
                throw new IllegalArgumentException(
                        "Context path '" + contextPath + "' must be empty or start but not end with '/'");
            }
            this.contextPath = contextPath;
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        }

        public Builder documentRoot(Path folder) { this.documentRoot = folder; return this; }

        public Builder initializer(ServletContainerInitializer initializer) {
            initializers.add(Objects.requireNonNull(initializer, "initializer"));
            return this;
        }

        public Builder displayName(String name) { this.displayName = name; return this; }

        /** As web.xml's {@code <error-page><error-code>} (Servlet 6.1 section 10.9.2). */
        public Builder errorPage(int status, String location) {
            errorPagesByStatus.put(status, location(location));
            return this;
        }

        /** As web.xml's {@code <error-page><exception-type>}, by the exception class's binary name. */
        public Builder errorPage(String exceptionType, String location) {
            errorPagesByException.put(Objects.requireNonNull(exceptionType), location(location));
            return this;
        }

        /** As an {@code <error-page>} with only a location: every error no other error page takes. */
        public Builder defaultErrorPage(String location) {
            this.defaultErrorPage = location(location);
            return this;
        }

        public Builder initParameter(String name, String value) {
            initParameters.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Builder mimeType(String extension, String type) {
            mimeTypes.put(extension.toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(type));
            return this;
        }

        /** Rounded up to whole minutes, as web.xml's {@code <session-timeout>}; zero or less never expires. */
        public Builder sessionTimeout(Duration timeout) { this.sessionTimeout = timeout; return this; }

        /** As web.xml's {@code <locale-encoding-mapping>}: the charset ServletResponse.setLocale picks. */
        public Builder localeEncoding(String locale, String charset) {
            localeEncodings.put(Objects.requireNonNull(locale), Objects.requireNonNull(charset));
            return this;
        }

        public EmbeddedWebapp build() {
            return new EmbeddedWebapp(this);
        }

        private static String location(String location) {
            if (location == null || !location.startsWith("/")) {
                throw new IllegalArgumentException("An error page location must start with '/': " + location);
            }
            return location;
        }
    }
}
