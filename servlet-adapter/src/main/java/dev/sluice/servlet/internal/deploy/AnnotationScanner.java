package dev.sluice.servlet.internal.deploy;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the class files of WEB-INF/classes and WEB-INF/lib with ASM, loading none of them, to find
 * {@code @WebServlet}, {@code @WebFilter}, {@code @WebListener} and {@code @DeclareRoles} (Servlet 6.1 section
 * 8.1) and the classes each ServletContainerInitializer's {@code @HandlesTypes} selects (section 8.2.4):
 * subtypes of a named type through the whole hierarchy across jars, and classes carrying a named annotation.
 * Only the selected classes are loaded.
 */
public final class AnnotationScanner {
    private static final String SCI_SERVICE = "META-INF/services/jakarta.servlet.ServletContainerInitializer";

    private AnnotationScanner() {
    }

    /**
     * @param moduleInitializers the container modules' initializers, whose @HandlesTypes select from this webapp
     *                           as those the webapp ships do
     */
    public static void scan(Path root, WebAppConfig config, Fragments.Result fragments, ClassLoader loader,
                            List<ServletContainerInitializer> moduleInitializers,
                            Map<String, Set<Class<?>>> handlesTypes) throws IOException {
        Map<String, Set<String>> wanted = handlesTypesWanted(loader);
        for (ServletContainerInitializer sci : moduleInitializers) {
            Set<String> names = handlesTypeNames(sci.getClass());
            if (names != null) {
                wanted.put(sci.getClass().getName(), names);
            }
        }
        boolean needHierarchy = !wanted.isEmpty();
        Map<String, ClassInfo> hierarchy = new HashMap<>();
        Path classes = root.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                    accept(ClassInfo.read(Files.readAllBytes(file)), !config.metadataComplete, config, hierarchy,
                            needHierarchy);
                }
            }
        }
        for (Path jar : fragments.orderedJars()) {
            boolean annotations = fragments.scanAnnotations().contains(jar);
            if (!annotations && !needHierarchy) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String n = entry.getName();
                    if (!n.endsWith(".class") || n.startsWith("META-INF/") || n.endsWith("module-info.class")) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        accept(ClassInfo.read(in.readAllBytes()), annotations, config, hierarchy, needHierarchy);
                    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException unreadable) {
                        // A class file ASM cannot read (a newer class version) is not a webapp component.
                    }
                }
            }
        }
        for (Map.Entry<String, Set<String>> sci : wanted.entrySet()) {
            Set<Class<?>> selected = new LinkedHashSet<>();
            for (ClassInfo info : hierarchy.values()) {
                if (selects(info, sci.getValue(), hierarchy)) {
                    try {
                        selected.add(Class.forName(info.name(), false, loader));
                    } catch (ClassNotFoundException | LinkageError e) {
                        // Section 8.2.4 leaves unloadable classes out.
                    }
                }
            }
            handlesTypes.put(sci.getKey(), selected);
        }
    }

    private static void accept(ClassInfo info, boolean annotations, WebAppConfig config,
                               Map<String, ClassInfo> hierarchy, boolean needHierarchy) {
        if (annotations) {
            readComponentAnnotations(info, config);
        }
        if (needHierarchy) {
            hierarchy.putIfAbsent(info.name(), info);
        }
    }

    /** For each initializer class name, the names of its @HandlesTypes types. */
    private static Map<String, Set<String>> handlesTypesWanted(ClassLoader loader) throws IOException {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (URL url : Collections.list(loader.getResources(SCI_SERVICE))) {
            for (String name : serviceNames(url)) {
                try {
                    Set<String> names = handlesTypeNames(Class.forName(name, false, loader));
                    if (names != null) {
                        wanted.put(name, names);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // Reported when the initializers are instantiated.
                }
            }
        }
        return wanted;
    }

    /** The names of the types {@code sci}'s @HandlesTypes names, or null without the annotation. */
    private static Set<String> handlesTypeNames(Class<?> sci) {
        HandlesTypes ht = sci.getAnnotation(HandlesTypes.class);
        if (ht == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> c : ht.value()) {
            names.add(c.getName());
        }
        return names;
    }

    private static List<String> serviceNames(URL url) throws IOException {
        List<String> names = new ArrayList<>();
        java.net.URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String name = (hash < 0 ? line : line.substring(0, hash)).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Whether {@code info} carries one of the named annotations or has one of the named types as an ancestor. */
    public static boolean selects(ClassInfo info, Set<String> types, Map<String, ClassInfo> hierarchy) {
        for (String annotation : info.annotations().keySet()) {
            if (types.contains(annotation)) {
                return true;
            }
        }
        if (types.contains(info.name())) {
            return false; // The named type itself is not one of its subtypes.
        }
        List<String> pending = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        if (info.superName() != null) {
            pending.add(info.superName());
        }
        pending.addAll(info.interfaces());
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (!seen.add(name)) {
                continue;
            }
            if (types.contains(name)) {
                return true;
            }
            ClassInfo parent = hierarchy.get(name);
            if (parent != null) {
                if (parent.superName() != null) {
                    pending.add(parent.superName());
                }
                pending.addAll(parent.interfaces());
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static void readComponentAnnotations(ClassInfo info, WebAppConfig config) {
        Map<String, Object> servlet = info.annotation(WebServlet.class);
        if (servlet != null) {
            String name = string(servlet, "name", info.name());
            WebAppConfig.ServletDef def = config.servlets.get(name);
            boolean declared = def != null;
            if (!declared) {
                def = config.servlet(name);
                def.className = info.name();
                def.loadOnStartup = (Integer) servlet.getOrDefault("loadOnStartup", -1);
                def.asyncSupported = (Boolean) servlet.getOrDefault("asyncSupported", false);
            } else if (def.className == null) {
                def.className = info.name();
            }
            if (def.mappings.isEmpty()) {
                def.mappings.addAll(strings(servlet, "urlPatterns"));
                def.mappings.addAll(strings(servlet, "value"));
            }
            for (Object p : (List<Object>) servlet.getOrDefault("initParams", List.of())) {
                Map<String, Object> param = (Map<String, Object>) p;
                def.initParams.putIfAbsent((String) param.get("name"), (String) param.get("value"));
            }
        }
        Map<String, Object> filter = info.annotation(WebFilter.class);
        if (filter != null) {
            String name = string(filter, "filterName", info.name());
            boolean declared = config.filters.containsKey(name);
            WebAppConfig.FilterDef def = config.filter(name);
            if (def.className == null) {
                def.className = info.name();
            }
            if (!declared) {
                def.asyncSupported = (Boolean) filter.getOrDefault("asyncSupported", false);
            }
            for (Object p : (List<Object>) filter.getOrDefault("initParams", List.of())) {
                Map<String, Object> param = (Map<String, Object>) p;
                def.initParams.putIfAbsent((String) param.get("name"), (String) param.get("value"));
            }
            boolean mapped = config.filterMappings.stream().anyMatch(m -> m.filterName.equals(name));
            if (!mapped) {
                WebAppConfig.FilterMappingDef m = new WebAppConfig.FilterMappingDef();
                m.filterName = name;
                m.urlPatterns.addAll(strings(filter, "urlPatterns"));
                m.urlPatterns.addAll(strings(filter, "value"));
                m.servletNames.addAll(strings(filter, "servletNames"));
                for (String type : strings(filter, "dispatcherTypes")) {
                    m.dispatchers.add(DispatcherType.valueOf(type));
                }
                if (m.dispatchers.isEmpty()) {
                    m.dispatchers.add(DispatcherType.REQUEST);
                }
                config.filterMappings.add(m);
            }
        }
        if (info.annotation(WebListener.class) != null) {
            config.listeners.add(info.name());
        }
        Map<String, Object> roles = info.annotation(DeclareRoles.class);
        if (roles != null) {
            config.declaredRoles.addAll(strings(roles, "value"));
        }
    }

    private static String string(Map<String, Object> values, String key, String fallback) {
        Object v = values.get(key);
        return v instanceof String s && !s.isEmpty() ? s : fallback;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> values, String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) v) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
