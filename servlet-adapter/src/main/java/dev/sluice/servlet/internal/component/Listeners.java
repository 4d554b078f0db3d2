package dev.sluice.servlet.internal.component;

import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one webapp, in registration order (Servlet 6.1 section 11.3.3: declaration order on the
 * way in, reverse order for destruction events). Registration happens during start-up; firing from any thread.
 */
public final class Listeners {
    public static final List<Class<? extends EventListener>> TYPES = List.of(
            ServletContextListener.class, ServletContextAttributeListener.class, ServletRequestListener.class,
            ServletRequestAttributeListener.class, jakarta.servlet.http.HttpSessionListener.class,
            HttpSessionAttributeListener.class, jakarta.servlet.http.HttpSessionIdListener.class);

    private final List<EventListener> all = new CopyOnWriteArrayList<>();

    /** Whether {@code type} is a listener type a webapp may register. */
    public static boolean isListenerType(Class<?> type) {
        for (Class<?> t : TYPES) {
            if (t.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    public void add(EventListener listener) {
        all.add(listener);
    }

    public List<EventListener> all() {
        return all;
    }

    public boolean has(Class<?> type) {
        for (EventListener l : all) {
            if (type.isInstance(l)) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@code action} on every listener of {@code type}, in registration order. */
    public <T> void each(Class<T> type, Consumer<T> action) {
        for (EventListener l : all) {
            if (type.isInstance(l)) {
                action.accept(type.cast(l));
            }
        }
    }

    /** Calls {@code action} on every listener of {@code type}, in reverse registration order. */
    public <T> void eachReverse(Class<T> type, Consumer<T> action) {
        List<EventListener> copy = new ArrayList<>(all);
        for (int i = copy.size() - 1; i >= 0; i--) {
            if (type.isInstance(copy.get(i))) {
                action.accept(type.cast(copy.get(i)));
            }
        }
    }

    public void clear() {
        all.clear();
    }
}
