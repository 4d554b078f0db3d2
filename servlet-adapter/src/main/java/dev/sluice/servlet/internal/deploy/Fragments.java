package dev.sluice.servlet.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The web fragments of WEB-INF/lib jars (Servlet 6.1 section 8.2): read, ordered by the web.xml's
 * absolute-ordering or else by the fragments' relative ordering, and merged into the webapp's configuration,
 * where the web.xml wins every conflict. With a metadata-complete web.xml fragments are ignored (section 8.1).
 */
public final class Fragments {
    /** The jars in the order their fragments apply, and which of them have their annotations scanned. */
    public record Result(List<Path> orderedJars, Set<Path> scanAnnotations) {
    }

    private Fragments() {
    }

    public static Result apply(WebAppConfig config, List<Path> jars) throws IOException {
        Map<Path, WebXmlParser.Fragment> byJar = new LinkedHashMap<>();
        for (Path jar : jars) {
            WebXmlParser.Fragment f = read(jar);
            if (f == null) {
                f = new WebXmlParser.Fragment();
            }
            f.jarName = jar.getFileName().toString();
            byJar.put(jar, f);
        }
        List<Path> ordered = config.absoluteOrdering != null ? absolute(config.absoluteOrdering, byJar)
                : relative(byJar);
        Set<Path> scan = new HashSet<>();
        WebXmlDeclared webXml = new WebXmlDeclared(config);
        for (Path jar : ordered) {
            WebXmlParser.Fragment f = byJar.get(jar);
            if (!config.metadataComplete) {
                merge(config, f.config, webXml);
                if (!f.config.metadataComplete) {
                    scan.add(jar);
                }
            }
        }
        return new Result(ordered, scan);
    }

    private static WebXmlParser.Fragment read(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("META-INF/web-fragment.xml");
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return WebXmlParser.parseFragment(in);
            }
        }
    }

    /** Section 8.2.2 item 1: named fragments in the listed order, the others where {@code <others/>} is. */
    private static List<Path> absolute(List<String> order, Map<Path, WebXmlParser.Fragment> byJar) {
        List<Path> named = new ArrayList<>();
        List<Path> others = new ArrayList<>(byJar.keySet());
        List<Object> slots = new ArrayList<>();
        for (String name : order) {
            if (name.equals("*")) {
                slots.add(Boolean.TRUE);
                continue;
            }
            for (Map.Entry<Path, WebXmlParser.Fragment> e : byJar.entrySet()) {
                if (name.equals(e.getValue().name) && !named.contains(e.getKey())) {
                    slots.add(e.getKey());
                    named.add(e.getKey());
                }
            }
        }
        others.removeAll(named);
        List<Path> out = new ArrayList<>();
        for (Object slot : slots) {
            if (slot instanceof Path p) {
                out.add(p);
            } else {
                out.addAll(others);
            }
        }
        return out;
    }

    /** Section 8.2.2 item 2: before-others first, after-others last, named constraints respected. */
    private static List<Path> relative(Map<Path, WebXmlParser.Fragment> byJar) {
        List<Path> first = new ArrayList<>();
        List<Path> middle = new ArrayList<>();
        List<Path> last = new ArrayList<>();
        for (Map.Entry<Path, WebXmlParser.Fragment> e : byJar.entrySet()) {
            WebXmlParser.Fragment f = e.getValue();
            (f.before.contains("*") ? first : f.after.contains("*") ? last : middle).add(e.getKey());
        }
        List<Path> list = new ArrayList<>(first);
        list.addAll(middle);
        list.addAll(last);
        // Move fragments until every named before/after holds; bounded so a cycle cannot loop forever.
        for (int round = 0; round < list.size() * list.size() + 1; round++) {
            boolean moved = false;
            for (int i = 0; i < list.size() && !moved; i++) {
                WebXmlParser.Fragment f = byJar.get(list.get(i));
                for (int j = 0; j < list.size() && !moved; j++) {
                    String other = byJar.get(list.get(j)).name;
                    if (other == null) {
                        continue;
                    }
                    if (f.before.contains(other) && j < i || f.after.contains(other) && j > i) {
                        Path p = list.remove(i);
                        list.add(j, p);
                        moved = true;
                    }
                }
            }
            if (!moved) {
                break;
            }
        }
        return list;
    }

    /**
     * What the web.xml itself declares, taken before any fragment is merged: its mappings replace those of
     * fragments, while fragments' mappings of the same servlet or filter add up (section 8.2.3 items 4 and 5).
     */
    private record WebXmlDeclared(Set<String> mappedServlets, Set<String> mappedFilters) {
        WebXmlDeclared(WebAppConfig config) {
            this(new HashSet<>(), new HashSet<>());
            config.servlets.values().stream().filter(d -> !d.mappings.isEmpty()).forEach(d -> mappedServlets.add(d.name));
            config.filterMappings.forEach(m -> mappedFilters.add(m.filterName));
        }
    }

    /** Adds what a fragment declares and the web.xml does not (section 8.2.3). */
    private static void merge(WebAppConfig main, WebAppConfig fragment, WebXmlDeclared webXml) {
        fragment.contextParams.forEach(main.contextParams::putIfAbsent);
        for (WebAppConfig.ServletDef def : fragment.servlets.values()) {
            WebAppConfig.ServletDef existing = main.servlets.get(def.name);
            if (existing == null) {
                main.servlets.put(def.name, def);
            } else {
                def.initParams.forEach(existing.initParams::putIfAbsent);
                def.roleRefs.forEach(existing.roleRefs::putIfAbsent);
                if (!webXml.mappedServlets().contains(def.name)) {
                    def.mappings.stream().filter(m -> !existing.mappings.contains(m)).forEach(existing.mappings::add);
                }
                if (existing.className == null && existing.jspFile == null) {
                    existing.className = def.className;
                    existing.jspFile = def.jspFile;
                }
            }
        }
        for (WebAppConfig.FilterDef def : fragment.filters.values()) {
            WebAppConfig.FilterDef existing = main.filters.get(def.name);
            if (existing == null) {
                main.filters.put(def.name, def);
            } else {
                def.initParams.forEach(existing.initParams::putIfAbsent);
            }
        }
        for (WebAppConfig.FilterMappingDef m : fragment.filterMappings) {
            if (!webXml.mappedFilters().contains(m.filterName)) {
                main.filterMappings.add(m);
            }
        }
        main.listeners.addAll(fragment.listeners);
        fragment.errorPagesByCode.forEach(main.errorPagesByCode::putIfAbsent);
        fragment.errorPagesByException.forEach(main.errorPagesByException::putIfAbsent);
        fragment.mimeMappings.forEach(main.mimeMappings::putIfAbsent);
        SecurityXml.merge(main, fragment);
        if (!main.welcomeFilesDeclared && fragment.welcomeFilesDeclared) {
            main.welcomeFilesDeclared = true;
            main.welcomeFiles.addAll(fragment.welcomeFiles);
        }
    }
}
