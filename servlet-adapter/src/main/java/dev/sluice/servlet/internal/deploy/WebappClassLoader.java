package dev.sluice.servlet.internal.deploy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * One webapp's class loader: WEB-INF/classes, then WEB-INF/lib/*.jar, searched before anything else
 * (child-first, Servlet 6.1 section 10.7.2). Three kinds of class are never taken from the webapp: the JDK's
 * (they come from the platform loader), and the servlet and annotation APIs (shared with the container, so that a
 * webapp's servlet is the container's {@code jakarta.servlet.Servlet}). Every other class of the container,
 * Sluice's own and its libraries, is invisible: a webapp sees only what it ships.
 */
public final class WebappClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private static final String[] SHARED = {"jakarta.servlet.", "jakarta.annotation."};
    private static final String[] SHARED_RESOURCES = {"jakarta/servlet/", "jakarta/annotation/"};

    private final ClassLoader container;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    private WebappClassLoader(String name, URL[] urls, ClassLoader container) {
        super(name, urls, ClassLoader.getPlatformClassLoader());
        this.container = container;
    }

    /** A loader over {@code webappRoot}/WEB-INF/classes and the jars of WEB-INF/lib in name order. */
    public static WebappClassLoader create(String name, Path webappRoot, ClassLoader container)
            throws IOException {
        List<URL> urls = new ArrayList<>();
        Path classes = webappRoot.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
            urls.add(classes.toUri().toURL());
        }
        for (Path jar : libraryJars(webappRoot)) {
            urls.add(jar.toUri().toURL());
        }
        return new WebappClassLoader(name, urls.toArray(new URL[0]), container);
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
            if (c == null) {
                c = shared(name) ? loadShared(name) : loadWebappOrJdk(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * The container's copy of a shared API class. An API the container does not ship (the JSP API under
     * jakarta.servlet.jsp) may come from the webapp.
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

    private static boolean shared(String name) {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharedResource(String name) {
        for (String prefix : SHARED_RESOURCES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public URL getResource(String name) {
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
        List<URL> all = new ArrayList<>();
        if (sharedResource(name)) {
            all.addAll(Collections.list(container.getResources(name)));
        }
        all.addAll(Collections.list(findResources(name)));
        all.addAll(Collections.list(platform.getResources(name)));
        return Collections.enumeration(all);
    }
}
