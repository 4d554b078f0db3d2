package testapps;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/** Adds {@link UndeclaredListener} programmatically. */
public class UndeclaredListenerInitializer implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        ctx.addListener(UndeclaredListener.class);
    }
}
