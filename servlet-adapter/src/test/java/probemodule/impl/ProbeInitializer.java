package probemodule.impl;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import probemodule.api.Probed;

/** The probe module's initializer, run once for each webapp with that webapp's {@code @Probed} classes. */
@HandlesTypes(Probed.class)
public final class ProbeInitializer implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> probed, ServletContext ctx) {
        Set<String> names = new TreeSet<>();
        if (probed != null) {
            probed.forEach(c -> names.add(c.getName()));
        }
        String header = ctx.getContextPath() + " " + (names.isEmpty() ? "none" : names);
        ctx.addFilter("probe-header", new ProbeHeaderFilter(header))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        ServletRegistration.Dynamic probe = ctx.addServlet("probe", ProbeServlet.class);
        probe.setInitParameter("said", "probe module");
        probe.addMapping("*.probe");
        ctx.addServlet("jsp", ProbeServlet.class).addMapping("*.jsp");
    }
}
