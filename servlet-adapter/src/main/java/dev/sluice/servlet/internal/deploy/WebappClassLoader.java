package dev.sluice.servlet.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One webapp's class loader: WEB-INF/classes, then WEB-INF/lib/*.jar, searched before anything else
 * (child-first, Servlet 6.1 section 10.7.2). Some classes are never taken from the webapp: the JDK's (they come
 * from the platform loader), and the shared packages: the servlet and annotation APIs and the API packages of the
 * container modules (shared with the container, so that a webapp's servlet is the container's
 * {@code jakarta.servlet.Servlet}). Every other class of the container, Sluice's own, its libraries and the
 * modules' implementations, is invisible: a webapp sees only what it ships. One exception serves the APIs
 * themselves: a shared API that finds its implementation with {@link java.util.ServiceLoader} and the thread's
 * context loader (Jakarta WebSocket's platform {@code Configurator}) sees the container's
 * {@code META-INF/services} file for that API type first, and the provider classes such a file names load from
 * the container.
 */
public final class WebappClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String[] shared;
    private final String[] sharedResources;
    private final ClassLoader container;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
    /** Classes the container's service files for shared API types name; filled as those files are read. */
    private final Set<String> apiProviders = ConcurrentHashMap.newKeySet();
    /** An embedded webapp's loader: it has no classes of its own and every class and resource is the container's. */
    private final boolean delegating;

    private WebappClassLoader(String name, URL[] urls, ClassLoader container, List<String> sharedPackages,
                              boolean delegating) {
        super(name, urls, ClassLoader.getPlatformClassLoader());
        this.container = container;
        this.delegating = delegating;
        this.shared = sharedPackages.toArray(new String[0]);
        // A package prefix ends in a dot; an entry without one names a single class (ContainerModule.apiClasses).
        this.sharedResources = sharedPackages.stream()
                .map(p -> p.endsWith(".") ? p.replace('.', '/') : p.replace('.', '/') + ".class")
                .toArray(String[]::new);
    }

    /**
     * A loader over {@code webappRoot}/WEB-INF/classes and the jars of WEB-INF/lib in name order.
     *
     * @param sharedPackages prefixes such as {@code "jakarta.servlet."} whose classes come from {@code container},
     *                       or single classes' binary names (no trailing dot)
     */
    public static WebappClassLoader create(String name, Path webappRoot, ClassLoader container,
                                           List<String> sharedPackages) throws IOException {
        List<URL> urls = new ArrayList<>();
        Path classes = webappRoot.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
            urls.add(classes.toUri().toURL());
        }
        for (Path jar : libraryJars(webappRoot)) {
            urls.add(jar.toUri().toURL());
        }
        return new WebappClassLoader(name, urls.toArray(new URL[0]), container, sharedPackages, false);
    }

    /**
     * The loader of a webapp embedded in an application (Spring Boot): the application's classes are the webapp's,
     * so every class and resource comes from {@code application}, as with Tomcat's or Jetty's embedded context.
     * Closing it leaves {@code application} open.
     */
    public static WebappClassLoader embedded(String name, ClassLoader application) {
        return new WebappClassLoader(name, new URL[0], application, List.of(), true);
    }

    /** The jars of WEB-INF/lib, sorted by name so that the search order does not depend on the file system. */
    public static List<Path> libraryJars(Path webappRoot) throws IOException {
        Path lib = webappRoot.resolve("WEB-INF/lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && delegating) {
                c = container.loadClass(name);
            } else if (c == null) {
                c = shared(name) || apiProviders.contains(name) ? loadShared(name) : loadWebappOrJdk(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * The container's copy of a shared API class. An API the container does not ship (the JSP API under
     * jakarta.servlet.jsp, without a JSP module) may come from the webapp.
     */
    private Class<?> loadShared(String name) throws ClassNotFoundException {
        try {
            return container.loadClass(name);
        } catch (ClassNotFoundException notShipped) {
            return findClass(name);
        }
    }

    private Class<?> loadWebappOrJdk(String name) throws ClassNotFoundException {
        try {
            return platform.loadClass(name);
        } catch (ClassNotFoundException notJdk) {
            return findClass(name);
        }
    }

    private boolean shared(String name) {
        for (String entry : shared) {
            if (entry.endsWith(".") ? name.startsWith(entry) : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private boolean sharedResource(String name) {
        for (String entry : sharedResources) {
            if (entry.endsWith("/") ? name.startsWith(entry) : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private static final String SERVICES = "META-INF/services/";

    /**
     * A service file for a type of a module's API. Never for the servlet API's own types: a webapp's
     * {@code ServletContainerInitializer}s are those its own jars list (Servlet 6.1 section 8.2.4).
     */
    private boolean apiServiceFile(String name) {
        if (!name.startsWith(SERVICES)) {
            return false;
        }
        String type = name.substring(SERVICES.length());
        return shared(type) && !type.startsWith("jakarta.servlet.") && !type.startsWith("jakarta.annotation.");
    }

    /** The class names a service file lists (one per line, {@code #} starts a comment). */
    private static List<String> providerNames(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = file.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Override
    public URL getResource(String name) {
        if (delegating) {
            return container.getResource(name);
        }
        if (sharedResource(name)) {
            URL shared = container.getResource(name);
            if (shared != null) {
                return shared;
            }
        }
        URL url = findResource(name);
        return url != null ? url : platform.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (delegating) {
            return container.getResources(name);
        }
        List<URL> all = new ArrayList<>();
        if (sharedResource(name)) {
            all.addAll(Collections.list(container.getResources(name)));
        } else if (apiServiceFile(name)) {
            List<URL> apiServices = Collections.list(container.getResources(name));
            for (URL file : apiServices) {
                apiProviders.addAll(providerNames(file));
            }
            all.addAll(apiServices);
        }
        all.addAll(Collections.list(findResources(name)));
        all.addAll(Collections.list(platform.getResources(name)));
        return Collections.enumeration(all);
    }
}
