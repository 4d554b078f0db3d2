package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.mapping.ServletMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The filters of a webapp and their mappings in order. Section 6.2.4: the chain holds first the url-pattern
 * mappings that match, in declaration order, then the servlet-name mappings that match, in declaration order.
 */
final class FilterRegistry {
    private final Map<String, FilterHolder> holders = new LinkedHashMap<>();
    /** Mappings declared in the descriptor or added with isMatchAfter false come before the "after" ones. */
    private final List<FilterMap> before = new CopyOnWriteArrayList<>();
    private final List<FilterMap> after = new CopyOnWriteArrayList<>();

    synchronized FilterHolder get(String name) {
        return holders.get(name);
    }

    synchronized void add(FilterHolder holder) {
        holders.put(holder.getName(), holder);
    }

    synchronized Map<String, FilterHolder> all() {
        return new LinkedHashMap<>(holders);
    }

    void addMapping(FilterMap map, boolean isMatchAfter) {
        (isMatchAfter ? after : before).add(map);
    }

    Collection<String> urlPatternsOf(FilterHolder holder) {
        Collection<String> out = new LinkedHashSet<>();
        for (FilterMap m : maps()) {
            if (m.holder() == holder) {
                out.addAll(m.urlPatterns());
            }
        }
        return out;
    }

    Collection<String> servletNamesOf(FilterHolder holder) {
        Collection<String> out = new LinkedHashSet<>();
        for (FilterMap m : maps()) {
            if (m.holder() == holder) {
                out.addAll(m.servletNames());
            }
        }
        return out;
    }

    private List<FilterMap> maps() {
        List<FilterMap> all = new ArrayList<>(before);
        all.addAll(after);
        return all;
    }

    /**
     * The filters for one dispatch, url-pattern matches first, then servlet-name matches. Runs for every request:
     * it walks the two mapping lists in place (copy-on-write lists iterate over a snapshot) and allocates a list
     * only when a filter matches.
     */
    List<FilterHolder> chainFor(DispatcherType type, String path, String servletName) {
        List<FilterHolder> chain = null;
        if (path != null) {
            chain = byUrlPattern(before, type, path, chain);
            chain = byUrlPattern(after, type, path, chain);
        }
        chain = byServletName(before, type, servletName, chain);
        chain = byServletName(after, type, servletName, chain);
        return chain == null ? List.of() : chain;
    }

    private static List<FilterHolder> byUrlPattern(List<FilterMap> maps, DispatcherType type, String path,
                                                   List<FilterHolder> chain) {
        for (FilterMap m : maps) {
            if (m.dispatchers().contains(type)) {
                for (String p : m.urlPatterns()) {
                    if (ServletMapper.matches(p, path)) {
                        chain = add(chain, m.holder());
                        break;
                    }
                }
            }
        }
        return chain;
    }

    private static List<FilterHolder> byServletName(List<FilterMap> maps, DispatcherType type, String servletName,
                                                    List<FilterHolder> chain) {
        for (FilterMap m : maps) {
            if (m.dispatchers().contains(type) && !m.servletNames().isEmpty()
                    && m.appliesTo(type, null, servletName)) {
                chain = add(chain, m.holder());
            }
        }
        return chain;
    }

    private static List<FilterHolder> add(List<FilterHolder> chain, FilterHolder holder) {
        List<FilterHolder> list = chain == null ? new ArrayList<>(4) : chain;
        list.add(holder);
        return list;
    }

    /** Initializes every filter (start-up). */
    void initAll() throws ServletException {
        for (FilterHolder h : all().values()) {
            Filter ignored = h.filter();
            assert ignored != null;
        }
    }

    /** Destroys filters in reverse declaration order. */
    void destroyAll() {
        List<FilterHolder> list = new ArrayList<>(all().values());
        for (int i = list.size() - 1; i >= 0; i--) {
            list.get(i).destroy();
        }
    }
}
