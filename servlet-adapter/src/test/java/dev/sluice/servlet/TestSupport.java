package dev.sluice.servlet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import testapps.ActionServlet;
import testapps.EchoServlet;
import testapps.Events;
import testapps.LifecycleListener;
import testapps.LogFilter;
import testapps.SecondListener;
import testapps.StartupServlet;
import testapps.Note;

/** Shared helpers of the adapter tests. */
final class TestSupport {
    private TestSupport() {
    }

    /** A webapp folder with every test class, the given web.xml body and an events context parameter. */
    static Webapp app(Path folder, Path events, String webXmlBody) throws IOException {
        return Webapp.at(folder)
                .classes(EchoServlet.class, ActionServlet.class, Events.class, LogFilter.class,
                        LifecycleListener.class, SecondListener.class, StartupServlet.class, Note.class)
                .webXml("<context-param><param-name>events</param-name><param-value>" + events
                        + "</param-value></context-param>\n" + webXmlBody);
    }

    static List<String> events(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    static void clear(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Polls until {@code condition} holds or 10 s pass. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    static String servlet(String name, Class<?> type, String... patterns) {
        StringBuilder sb = new StringBuilder("<servlet><servlet-name>" + name + "</servlet-name><servlet-class>"
                + type.getName() + "</servlet-class></servlet>\n");
        for (String p : patterns) {
            sb.append("<servlet-mapping><servlet-name>").append(name).append("</servlet-name><url-pattern>")
                    .append(p).append("</url-pattern></servlet-mapping>\n");
        }
        return sb.toString();
    }

    static String action(String name, String actions, String... patterns) {
        StringBuilder sb = new StringBuilder("<servlet><servlet-name>" + name + "</servlet-name><servlet-class>"
                + ActionServlet.class.getName() + "</servlet-class><init-param><param-name>actions</param-name>"
                + "<param-value>" + actions + "</param-value></init-param><async-supported>true</async-supported>"
                + "</servlet>\n");
        for (String p : patterns) {
            sb.append("<servlet-mapping><servlet-name>").append(name).append("</servlet-name><url-pattern>")
                    .append(p).append("</url-pattern></servlet-mapping>\n");
        }
        return sb.toString();
    }
}
