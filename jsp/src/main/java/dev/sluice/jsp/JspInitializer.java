package dev.sluice.jsp;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.descriptor.JspConfigDescriptor;
import jakarta.servlet.descriptor.JspPropertyGroupDescriptor;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jasper.servlet.JasperInitializer;
import org.apache.tomcat.JarScanner;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Sets Jasper up in one webapp as it starts: TLDs and their listeners (Jasper's own initializer), then the servlet
 * named {@code jsp} for {@code *.jsp}, {@code *.jspx} and the url-patterns of the webapp's jsp-property-groups,
 * as Tomcat's global web.xml and ContextConfig do. The servlet adapter lets the webapp's own mappings win.
 */
final class JspInitializer implements ServletContainerInitializer {
    /**
     * Jasper's descriptor parser warns at every start that XMLSchema.dtd, datatypes.dtd and xml.xsd are missing:
     * Tomcat's own servlet-api jar carries them, jakarta.servlet-api does not. They matter only for validating
     * descriptors, which Sluice does not ask for, so the warning is noise. Held here: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger SCHEMA_LOG =
            java.util.logging.Logger.getLogger("org.apache.tomcat.util.descriptor.DigesterFactory");

    static {
        SCHEMA_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final boolean development;
    private final boolean precompile;

    JspInitializer(boolean development, boolean precompile) {
        this.development = development;
        this.precompile = precompile;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        // TLDs come from WEB-INF and WEB-INF/lib only: the server's class path (Sluice, Jasper, in tests every test
        // dependency) is not the webapp's, so a JSTL the webapp does not bring must not be found there.
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setAttribute(JarScanner.class.getName(), scanner);
        new JasperInitializer().onStartup(classes, context);

        ServletRegistration.Dynamic jsp = context.addServlet("jsp", SluiceJspServlet.class);
        if (jsp == null) {
            return; // The webapp declares its own servlet named jsp: its choice.
        }
        jsp.setInitParameters(initParameters());
        jsp.setLoadOnStartup(3);
        Set<String> patterns = new LinkedHashSet<>(List.of("*.jsp", "*.jspx"));
        JspConfigDescriptor config = context.getJspConfigDescriptor();
        if (config != null) {
            // Pages 4.0 section JSP.3.3: a property group's pages are JSP pages whatever their extension.
            for (JspPropertyGroupDescriptor group : config.getJspPropertyGroups()) {
                patterns.addAll(group.getUrlPatterns());
            }
        }
        jsp.addMapping(patterns.toArray(new String[0]));
    }

    private Map<String, String> initParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fork", "false");
        params.put("xpoweredBy", "false");
        params.put("development", Boolean.toString(development));
        // Checked on every request in development mode, so a saved page shows on the next reload.
        params.put("modificationTestInterval", "0");
        params.put("compilerSourceVM", "17");
        params.put("compilerTargetVM", "17");
        params.put(SluiceJspServlet.PRECOMPILE, Boolean.toString(precompile));
        return params;
    }
}
