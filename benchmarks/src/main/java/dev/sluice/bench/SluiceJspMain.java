package dev.sluice.bench;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ServletContainer;
import java.util.concurrent.CountDownLatch;

/**
 * Sluice with the JSP module (found on the class path, as in the distribution) serving the benchmark page at
 * /jsp/page.jsp. Usage: {@code SluiceJspMain --port=N [--dev=true|false] [ServerOptions flags]}; --dev sets
 * jspDevelopment (default false, the production setting).
 */
public final class SluiceJspMain {
    private SluiceJspMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean dev = JspBenchWebapp.development(args);
        ServerOptions options = ServerOptions.parse(JspBenchWebapp.withoutDev(args));
        ServletContainer container = ServletContainer.builder()
                .setting("jspDevelopment", Boolean.toString(dev)).build();
        container.deploy(JspBenchWebapp.create("sluice-jsp"));
        HttpConnector connector = HttpConnector.builder()
                .host(options.host())
                .port(options.port())
                .limits(SluiceMain.limits(options))
                .handler(container)
                .build();
        connector.start();
        System.out.println(options.readyLine("sluice-jsp"));
        new CountDownLatch(1).await();
    }
}
