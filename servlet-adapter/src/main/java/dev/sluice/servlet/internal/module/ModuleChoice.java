package dev.sluice.servlet.internal.module;

import dev.sluice.servlet.ContainerModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a container builder was told about modules: which ones (named, or else found once on the server class
 * path) and their settings. Not thread safe, like the builder that owns it.
 */
public final class ModuleChoice {
    private final ClassLoader serverLoader;
    private List<ContainerModule> named;
    private ContainerModules discovered;
    private final Map<String, String> settings = new LinkedHashMap<>();

    public ModuleChoice(ClassLoader serverLoader) {
        this.serverLoader = serverLoader;
    }

    public void name(List<ContainerModule> modules) {
        this.named = List.copyOf(modules);
    }

    /**
     * Takes {@code key} if a module in use declares it: applied now, so a bad value fails here naming the key,
     * and again by {@link #build} for the modules then in use (the modules may be named later).
     *
     * @return whether a module took it
     */
    public boolean offer(String key, String value) {
        ContainerModules inUse = inUse();
        if (inUse.all().stream().noneMatch(m -> m.settingKeys().contains(key))) {
            return false;
        }
        inUse.applySettings(Map.of(key, value));
        settings.put(key, value);
        return true;
    }

    /** The modules in use, with every setting given so far applied. */
    public ContainerModules build() {
        ContainerModules inUse = inUse();
        inUse.applySettings(settings);
        return inUse;
    }

    private ContainerModules inUse() {
        if (named != null) {
            return new ContainerModules(named);
        }
        if (discovered == null) {
            discovered = ContainerModules.discover(serverLoader);
        }
        return discovered;
    }
}
