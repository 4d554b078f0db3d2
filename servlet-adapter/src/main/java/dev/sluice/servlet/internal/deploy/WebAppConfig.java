package dev.sluice.servlet.internal.deploy;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.SessionTrackingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a webapp's deployment descriptors and annotations declare, merged, before anything is instantiated.
 * A plain mutable model: {@link WebXmlParser} and {@link AnnotationScanner} fill it, {@link WebApp} reads it.
 */
public final class WebAppConfig {
    /** One declared servlet. */
    public static final class ServletDef {
        public String name;
        public String className;
        /** A {@code <jsp-file>} given instead of a class: served by the JSP module if any (see ServletHolder). */
        public String jspFile;
        public final Map<String, String> initParams = new LinkedHashMap<>();
        public final List<String> mappings = new ArrayList<>();
        public Integer loadOnStartup;
        public Boolean asyncSupported;
        public MultipartConfigElement multipart;
        public boolean enabled = true;
        /** security-role-ref: the role name the code uses to the role-link it stands for (section 13.3). */
        public final Map<String, String> roleRefs = new LinkedHashMap<>();
    }

    /** One declared filter. */
    public static final class FilterDef {
        public String name;
        public String className;
        public final Map<String, String> initParams = new LinkedHashMap<>();
        public Boolean asyncSupported;
    }

    /** One filter-mapping, in declaration order. */
    public static final class FilterMappingDef {
        public String filterName;
        public final List<String> urlPatterns = new ArrayList<>();
        public final List<String> servletNames = new ArrayList<>();
        public final EnumSet<DispatcherType> dispatchers = EnumSet.noneOf(DispatcherType.class);
    }

    /** session-config/cookie-config. */
    public static final class CookieDef {
        public String name;
        public String domain;
        public String path;
        public String comment;
        public Boolean httpOnly;
        public Boolean secure;
        public Integer maxAge;
        public final Map<String, String> attributes = new LinkedHashMap<>();
    }

    /** One security-constraint, flattened over its web-resource-collections. */
    public static final class SecurityConstraintDef {
        public final List<String> patterns = new ArrayList<>();
        public final Set<String> methods = new LinkedHashSet<>();
        public final Set<String> omissions = new LinkedHashSet<>();
        public boolean authConstraint;
        /** The role-names of the auth-constraint; none with {@code authConstraint} means deny all. */
        public final List<String> roles = new ArrayList<>();
        public String transport;
    }

    /** login-config (Servlet 6.1 section 13.5): null method means none was declared. */
    public String authMethod;
    public String realmName;
    public String formLoginPage;
    public String formErrorPage;
    /** Section 13.8.4: uncovered HTTP methods at constrained patterns are denied. */
    public boolean denyUncoveredHttpMethods;

    public final List<SecurityConstraintDef> securityConstraints = new ArrayList<>();
    public String displayName;
    /** jsp-config of web.xml (and top-level taglib of a 2.3 web.xml), for a JSP module. */
    public final JspConfigXml jspConfig = new JspConfigXml();
    public boolean metadataComplete;
    public String version;
    public final Map<String, String> contextParams = new LinkedHashMap<>();
    public final Map<String, ServletDef> servlets = new LinkedHashMap<>();
    public final Map<String, FilterDef> filters = new LinkedHashMap<>();
    public final List<FilterMappingDef> filterMappings = new ArrayList<>();
    public final Set<String> listeners = new LinkedHashSet<>();
    public final List<String> welcomeFiles = new ArrayList<>();
    public boolean welcomeFilesDeclared;
    public final Map<Integer, String> errorPagesByCode = new LinkedHashMap<>();
    public final Map<String, String> errorPagesByException = new LinkedHashMap<>();
    public String defaultErrorPage;
    public final Map<String, String> mimeMappings = new LinkedHashMap<>();
    public final Map<String, String> localeEncodings = new LinkedHashMap<>();
    public Integer sessionTimeoutMinutes;
    public final CookieDef sessionCookie = new CookieDef();
    public final Set<SessionTrackingMode> trackingModes = EnumSet.noneOf(SessionTrackingMode.class);
    public String requestCharacterEncoding;
    public String responseCharacterEncoding;
    public final Set<String> declaredRoles = new LinkedHashSet<>();
    /** Fragment names in absolute-ordering; null when the descriptor has none. {@code "*"} stands for others. */
    public List<String> absoluteOrdering;
    /** Servlet 6.1 section 8.2.2: listing is off unless a context parameter enables it (a Sluice setting). */
    public boolean directoryListing;

    /** The servlet declared as {@code name}, created empty when first named (mapping before declaration). */
    public ServletDef servlet(String name) {
        return servlets.computeIfAbsent(name, n -> {
            ServletDef def = new ServletDef();
            def.name = n;
            return def;
        });
    }

    public FilterDef filter(String name) {
        return filters.computeIfAbsent(name, n -> {
            FilterDef def = new FilterDef();
            def.name = n;
            return def;
        });
    }
}
