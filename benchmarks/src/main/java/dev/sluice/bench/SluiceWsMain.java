package dev.sluice.bench;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ServletContainer;
import dev.sluice.websocket.WebSocketModule;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Sluice with its websocket module: the ROOT webapp of {@link SluiceServletMain} plus {@link WsEcho}'s class file,
 * found by the module's scan, at {@code /ws/echo}. Usage as {@link SluiceMain}.
 */
public final class SluiceWsMain {
    private SluiceWsMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        Path webapp = SluiceServletMain.explodedWebapp(options.slowMs());
        try (InputStream endpoint = WsEcho.class.getResourceAsStream("WsEcho.class")) {
            Files.copy(endpoint, webapp.resolve("WEB-INF/classes/dev/sluice/bench/WsEcho.class"));
        }
        ServletContainer container = ServletContainer.builder().modules(List.of(new WebSocketModule())).build();
        container.deploy(webapp);
        HttpConnector connector = HttpConnector.builder()
                .host(options.host())
                .port(options.port())
                .limits(SluiceMain.limits(options))
                .handler(container)
                .build();
        connector.start();
        System.out.println(options.readyLine("sluice-ws"));
        new CountDownLatch(1).await();
    }
}
