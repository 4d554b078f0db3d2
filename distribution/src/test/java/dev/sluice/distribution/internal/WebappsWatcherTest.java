package dev.sluice.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebappsWatcherTest {
    @TempDir
    Path webapps;

    private final List<String> calls = new ArrayList<>();

    private final WebappsWatcher.Deployer recorder = new WebappsWatcher.Deployer() {
        @Override
        public String deploy(Path webapp) throws IOException {
            String name = webapp.getFileName().toString().replaceFirst("\\.war$", "");
            if (name.equals("broken")) {
                throw new IOException("web.xml is not well-formed");
            }
            String contextPath = name.equals("ROOT") ? "" : "/" + name;
            calls.add("deploy " + contextPath);
            return contextPath;
        }

        @Override
        public boolean undeploy(String contextPath) {
            calls.add("undeploy " + contextPath);
            return true;
        }
    };

    @Test
    void deploysEverythingAtStart() throws IOException {
        webapp("ROOT");
        webapp("shop");
        Files.writeString(webapps.resolve("blog.war"), "zip");
        Files.writeString(webapps.resolve("notes.txt"), "ignored");
        new WebappsWatcher(webapps, recorder).deployAll();
        calls.sort(null);
        assertEquals(List.of("deploy ", "deploy /blog", "deploy /shop"), calls);
    }

    @Test
    void newWebappIsDeployedOnceItHoldsStill() throws IOException {
        WebappsWatcher watcher = new WebappsWatcher(webapps, recorder);
        watcher.deployAll();
        webapp("shop");
        watcher.scan();
        assertEquals(List.of(), calls, "deployed before it held still for one scan");
        watcher.scan();
        assertEquals(List.of("deploy /shop"), calls);
        watcher.scan();
        assertEquals(List.of("deploy /shop"), calls, "deployed twice");
    }

    @Test
    void removedWebappIsUndeployed() throws IOException {
        Path shop = webapp("shop");
        WebappsWatcher watcher = new WebappsWatcher(webapps, recorder);
        watcher.deployAll();
        Files.delete(shop.resolve("WEB-INF/web.xml"));
        Files.delete(shop.resolve("WEB-INF"));
        Files.delete(shop);
        watcher.scan();
        assertEquals(List.of("deploy /shop", "undeploy /shop"), calls);
    }

    @Test
    void changedWebXmlRedeploys() throws IOException {
        Path shop = webapp("shop");
        WebappsWatcher watcher = new WebappsWatcher(webapps, recorder);
        watcher.deployAll();
        Path webXml = shop.resolve("WEB-INF/web.xml");
        Files.writeString(webXml, "<web-app version=\"6.1\"><display-name>changed</display-name></web-app>");
        Files.setLastModifiedTime(webXml, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        watcher.scan();
        watcher.scan();
        assertEquals(List.of("deploy /shop", "undeploy /shop", "deploy /shop"), calls);
    }

    @Test
    void brokenWebappIsReportedAndDoesNotStopOthers() throws IOException {
        webapp("broken");
        webapp("shop");
        WebappsWatcher watcher = new WebappsWatcher(webapps, recorder);
        watcher.deployAll();
        watcher.scan();
        watcher.scan();
        assertEquals(List.of("deploy /shop"), calls, "broken one retried without a change, or others stopped");
    }

    @Test
    void folderWinsOverWarOfTheSameName() throws IOException {
        webapp("shop");
        Files.writeString(webapps.resolve("shop.war"), "zip");
        new WebappsWatcher(webapps, recorder).deployAll();
        assertEquals(List.of("deploy /shop"), calls);
    }

    private Path webapp(String name) throws IOException {
        Path app = webapps.resolve(name);
        Files.createDirectories(app.resolve("WEB-INF"));
        Files.writeString(app.resolve("WEB-INF/web.xml"), "<web-app version=\"6.1\"/>");
        return app;
    }
}
