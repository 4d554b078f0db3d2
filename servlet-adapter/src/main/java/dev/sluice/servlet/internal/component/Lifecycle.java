package dev.sluice.servlet.internal.component;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates webapp components (servlets, filters, listeners) and runs their jakarta.annotation lifecycle callbacks:
 * {@code @PostConstruct} after construction, {@code @PreDestroy} before release (Servlet 6.1 section 15.5.1).
 * Callbacks of superclasses run first, as Common Annotations 3.0 section 2.5 requires.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    /** A new instance of {@code type} through its public no-argument constructor, post-constructed. */
    public static <T> T create(Class<T> type) throws ReflectiveOperationException {
        T instance = type.getConstructor().newInstance();
        postConstruct(instance);
        return instance;
    }

    public static void postConstruct(Object instance) throws ReflectiveOperationException {
        invoke(instance, PostConstruct.class);
    }

    /** Runs {@code @PreDestroy}; a failing callback is reported to the caller. */
    public static void preDestroy(Object instance) throws ReflectiveOperationException {
        invoke(instance, PreDestroy.class);
    }

    private static void invoke(Object instance, Class<? extends Annotation> annotation)
            throws ReflectiveOperationException {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(annotation) && m.getParameterCount() == 0
                        && !Modifier.isStatic(m.getModifiers())) {
                    m.setAccessible(true);
                    m.invoke(instance);
                }
            }
        }
    }
}
