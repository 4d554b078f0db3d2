package dev.sluice.bench;

import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 with its Jasper (tomcat-embed-jasper) serving the same benchmark page at /jsp/page.jsp, its
 * JSP servlet set as Sluice's: development mode from --dev (default false), checked on every request when on
 * (modificationTestInterval 0; Tomcat's default is 4 s). Usage as {@link SluiceJspMain}.
 */
public final class TomcatJspMain {
    private TomcatJspMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean dev = JspBenchWebapp.development(args);
        ServerOptions options = ServerOptions.parse(JspBenchWebapp.withoutDev(args));
        Path base = TempDirs.create("bench-tomcat-jsp");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(options.port());
        connector.setProperty("address", options.host());
        connector.setProperty("maxThreads", Integer.toString(options.threads()));
        connector.setProperty("minSpareThreads", Integer.toString(Math.min(10, options.threads())));
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        // The default servlet and JSP servlet added now rather than at start, so the JSP servlet can be configured.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("/jsp", JspBenchWebapp.create("tomcat-jsp").toString());
        Tomcat.initWebappDefaults(context);
        Wrapper jsp = (Wrapper) context.findChild("jsp");
        jsp.addInitParameter("development", Boolean.toString(dev));
        jsp.addInitParameter("modificationTestInterval", "0");

        tomcat.start();
        System.out.println(options.readyLine("tomcat-jsp"));
        tomcat.getServer().await();
    }
}
