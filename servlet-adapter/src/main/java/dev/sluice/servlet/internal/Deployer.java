package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.deploy.AnnotationScanner;
import dev.sluice.servlet.internal.deploy.ContainerSettings;
import dev.sluice.servlet.internal.deploy.Fragments;
import dev.sluice.servlet.internal.deploy.Initializers;
import dev.sluice.servlet.internal.deploy.WebAppConfig;
import dev.sluice.servlet.internal.deploy.WebXmlParser;
import dev.sluice.servlet.internal.deploy.WebappClassLoader;
import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.sluice.servlet.EmbeddedWebapp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an exploded webapp folder into a {@link WebApp}: reads WEB-INF/web.xml, the web fragments of its jars
 * in the order the descriptors ask for, and, unless metadata-complete, the annotations of its classes.
 */
public final class Deployer {
    /** A Sluice context parameter that turns on directory listings for one webapp. */
    static final String LISTINGS_PARAM = "dev.sluice.listings";

    private Deployer() {
    }

    public static WebApp create(Path root, String contextPath, ContainerSettings settings,
                                Function<String, WebApp> contexts, ClassLoader containerLoader) throws IOException {
        WebAppConfig config = new WebAppConfig();
        Path webXml = root.resolve("WEB-INF/web.xml");
        if (Files.isRegularFile(webXml)) {
            try (InputStream in = Files.newInputStream(webXml)) {
                WebXmlParser.parseWebXml(in, config);
            }
        }
        String name = contextPath.isEmpty() ? "ROOT" : contextPath.substring(1);
        WebappClassLoader loader = WebappClassLoader.create("webapp:" + name, root, containerLoader,
                settings.modules().sharedPackages());
        try {
            List<Path> jars = WebappClassLoader.libraryJars(root);
            Fragments.Result fragments = Fragments.apply(config, jars);
            List<ServletContainerInitializer> fromModules = settings.modules().initializersForOneWebapp();
            Map<String, Set<Class<?>>> handlesTypes = new HashMap<>();
            AnnotationScanner.scan(root, config, fragments, loader, fromModules, handlesTypes);
            config.directoryListing = Boolean.parseBoolean(config.contextParams.get(LISTINGS_PARAM));
            return new WebApp(contextPath, root, loader, config, settings,
                    new Initializers(fromModules, handlesTypes), contexts);
        } catch (IOException | RuntimeException e) {
            loader.close();
            throw e;
        }
    }

    /**
     * An embedded webapp over {@code root}: what a descriptor would declare comes from {@code app}; its classes are
     * the application's and nothing is scanned.
     */
    public static WebApp createEmbedded(EmbeddedWebapp app, Path root, ContainerSettings settings,
                                        Function<String, WebApp> contexts) {
        WebAppConfig config = new WebAppConfig();
        config.displayName = app.displayName();
        config.contextParams.putAll(app.initParameters());
        config.errorPagesByCode.putAll(app.errorPagesByStatus());
        config.errorPagesByException.putAll(app.errorPagesByException());
        config.defaultErrorPage = app.defaultErrorPage();
        config.mimeMappings.putAll(app.mimeTypes());
        config.localeEncodings.putAll(app.localeEncodings());
        if (app.sessionTimeout() != null) {
            long seconds = app.sessionTimeout().toSeconds();
            config.sessionTimeoutMinutes = seconds <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (seconds + 59) / 60);
        }
        config.metadataComplete = true;
        String name = app.contextPath().isEmpty() ? "ROOT" : app.contextPath().substring(1);
        WebappClassLoader loader = WebappClassLoader.embedded("embedded:" + name, app.classLoader());
        List<ServletContainerInitializer> given = new ArrayList<>(app.initializers());
        return new WebApp(app.contextPath(), root, loader, config, settings,
                new Initializers(settings.modules().initializersForOneWebapp(), given), contexts);
    }
}
