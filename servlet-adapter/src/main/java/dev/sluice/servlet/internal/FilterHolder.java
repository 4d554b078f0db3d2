package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.deploy.WebAppConfig;
import dev.sluice.servlet.internal.mapping.ServletMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/**
 * One filter of a webapp: registration, {@link FilterConfig} and its single instance, initialized when the
 * webapp starts (Servlet 6.1 section 6.2.1: before the first request).
 */
final class FilterHolder extends ComponentHolder<Filter> implements FilterRegistration.Dynamic, FilterConfig {
    FilterHolder(WebApp app, String name, String className, Class<? extends Filter> filterClass, Filter instance) {
        super(app, name, className, filterClass, instance);
    }

    synchronized Filter filter() throws ServletException {
        if (!initialized) {
            if (instance == null) {
                if (type == null) {
                    type = app.loadComponentClass(className, Filter.class);
                }
                instance = app.createComponent(type, Filter.class);
            }
            instance.init(this);
            initialized = true;
        }
        return instance;
    }

    @Override
    String kind() {
        return "filter";
    }

    @Override
    void destroyInstance(Filter filter) {
        filter.destroy();
    }

    void configure(WebAppConfig.FilterDef def) {
        configure(def.initParams, def.asyncSupported);
    }

    @Override
    public String getFilterName() {
        return name;
    }

    @Override
    public void addMappingForServletNames(EnumSet<DispatcherType> dispatcherTypes, boolean isMatchAfter,
                                          String... servletNames) {
        if (servletNames == null || servletNames.length == 0) {
            throw new IllegalArgumentException("No servlet names");
        }
        app.checkConfigurable();
        app.filters().addMapping(new FilterMap(this, List.of(), List.of(servletNames), dispatcherTypes),
                isMatchAfter);
    }

    @Override
    public Collection<String> getServletNameMappings() {
        return app.filters().servletNamesOf(this);
    }

    @Override
    public void addMappingForUrlPatterns(EnumSet<DispatcherType> dispatcherTypes, boolean isMatchAfter,
                                         String... urlPatterns) {
        if (urlPatterns == null || urlPatterns.length == 0) {
            throw new IllegalArgumentException("No url patterns");
        }
        for (String p : urlPatterns) {
            if (!ServletMapper.isValid(p)) {
                throw new IllegalArgumentException("Invalid url-pattern '" + p + "'");
            }
        }
        app.checkConfigurable();
        app.filters().addMapping(new FilterMap(this, List.of(urlPatterns), List.of(), dispatcherTypes),
                isMatchAfter);
    }

    @Override
    public Collection<String> getUrlPatternMappings() {
        return app.filters().urlPatternsOf(this);
    }
}
