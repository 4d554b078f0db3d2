package dev.sluice.servlet;

import dev.sluice.connector.HttpConnector;
import java.nio.file.Path;

/**
 * A container and connector in a JVM of their own, for tests that bound the server's heap: deploys the webapp
 * folder {@code args[0]} with work folder {@code args[1]}, prints {@code PORT n}, and stops when stdin closes.
 */
public final class ChildServer {
    private ChildServer() {
    }

    public static void main(String[] args) throws Exception {
        try (ServletContainer container = ServletContainer.builder().workDir(Path.of(args[1])).build()) {
            container.deploy(Path.of(args[0]));
            try (HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(container)
                    .serverName(null).build()) {
                connector.start();
                System.out.println("PORT " + connector.localAddress().getPort());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // runs until the parent closes our stdin (or dies)
                }
            }
        }
    }
}
