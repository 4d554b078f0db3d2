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
}
