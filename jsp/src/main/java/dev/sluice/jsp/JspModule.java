package dev.sluice.jsp;

import dev.sluice.servlet.ContainerModule;
import jakarta.servlet.ServletContainerInitializer;
import java.util.List;

/**
 * Jakarta Pages 4.0 for every webapp, through Apache Jasper (the engine of Tomcat and of Jetty's apache-jsp; see
 * docs/jsp.md for why Jasper). Found by the servlet adapter through
 * {@code META-INF/services/dev.sluice.servlet.ContainerModule}, or named with
 * {@code ServletContainer.builder().modules(List.of(new JspModule()))}.
 *
 * <p>Settings ({@code conf/sluice.properties}, {@code Builder.setting}): {@code jspDevelopment} (default true: a
 * changed page is recompiled on its next request; false: never checked again) and {@code jspPrecompile} (default
 * false; true compiles every page of a webapp when it deploys). Set before the container is built, read by the
 * deploying threads after.
 */
public final class JspModule implements ContainerModule {
    static final String DEVELOPMENT = "jspDevelopment";
    static final String PRECOMPILE = "jspPrecompile";

    private volatile boolean development = true;
    private volatile boolean precompile;

    @Override
    public String name() {
        return "jsp";
    }

    /**
     * The Pages and EL APIs, and what compiled pages refer to besides: Jasper's runtime and EL wrappers, which the
     * generated classes extend and call, and the EL implementation, which {@code ExpressionFactory.newInstance}
     * loads through the webapp's loader. The compiler, the TLD scanner and Tomcat's utilities stay hidden.
     */
    @Override
    public List<String> apiPackages() {
        return List.of("jakarta.servlet.jsp.", "jakarta.el.", "org.apache.jasper.runtime.", "org.apache.jasper.el.",
                "org.apache.el.");
    }

    /**
     * Generated pages hold an InstanceManager to create tag handlers, and call runtime methods that declare
     * JasperException; the compiler must see both through the webapp's loader. The rest of their packages stays
     * hidden.
     */
    @Override
    public List<String> apiClasses() {
        return List.of("org.apache.tomcat.InstanceManager", "org.apache.jasper.JasperException");
    }

    @Override
    public List<String> settingKeys() {
        return List.of(DEVELOPMENT, PRECOMPILE);
    }

    @Override
    public void setting(String key, String value) {
        boolean on = bool(key, value);
        switch (key) {
            case DEVELOPMENT -> development = on;
            case PRECOMPILE -> precompile = on;
            default -> throw new IllegalArgumentException("Unknown setting " + key);
        }
    }

    /** Whether a changed page is recompiled on its next request (Jasper's development mode). */
    public JspModule development(boolean on) {
        development = on;
        return this;
    }

    /** Whether every page of a webapp is compiled when it deploys. */
    public JspModule precompile(boolean on) {
        precompile = on;
        return this;
    }

    @Override
    public List<ServletContainerInitializer> initializers() {
        return List.of(new JspInitializer(development, precompile));
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("Invalid value for " + key + ": '" + value + "' (true or false)");
    }
}
