package testapps.ann;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import testapps.Events;

/** Logs the classes @HandlesTypes selected and registers a servlet and a filter programmatically. */
@HandlesTypes({Plugin.class, Marker.class})
public class Initializer implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        Set<String> names = new TreeSet<>();
        if (classes != null) {
            for (Class<?> c : classes) {
                names.add(c.getSimpleName());
            }
        }
        Events.log(ctx, "initializer got " + names);
        ServletRegistration.Dynamic servlet = ctx.addServlet("programmatic", ProgrammaticServlet.class);
        servlet.addMapping("/prog");
        servlet.setInitParameter("mode", "dynamic");
        servlet.setLoadOnStartup(5);
        FilterRegistration.Dynamic filter = ctx.addFilter("progFilter", new ProgrammaticFilter());
        filter.addMappingForServletNames(EnumSet.of(DispatcherType.REQUEST), true, "programmatic");
        ctx.addListener(ProgrammaticListener.class);
    }
}
