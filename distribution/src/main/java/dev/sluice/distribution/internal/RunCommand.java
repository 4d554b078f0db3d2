package dev.sluice.distribution.internal;

import dev.sluice.distribution.SluiceServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice run}: serves in the foreground until SIGTERM or Ctrl-C, then stops gracefully with exit 0. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Serve in the foreground until SIGTERM or Ctrl-C.",
        description = "Start the server in the foreground. Every flag also reads from the config file.")
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port; 0 picks a free one (default: 8080)")
    private String port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind (default: 0.0.0.0)")
    private String host;

    @Option(names = "--webapps", paramLabel = "DIR",
            description = "Deploy every exploded folder and .war in DIR (default: SLUICE_HOME/webapps)")
    private String webapps;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (default: SLUICE_HOME/conf/sluice.properties)")
    private String config;

    @Option(names = "--hotDeploy", paramLabel = "true|false",
            description = "Deploy, redeploy and undeploy as webapps/ changes (default: true)")
    private String hotDeploy;

    @Option(names = "--accessLog", paramLabel = "FORMAT",
            description = "Access log in logs/: combined (NCSA), w3c (IIS) or off (default: combined)")
    private String accessLog;

    @Option(names = "--realm", paramLabel = "FILE|off",
            description = "Users and roles for BASIC and FORM login, written by 'sluice passwd'"
                    + " (default: SLUICE_HOME/conf/realm.properties)")
    private String realm;

    @Option(names = "--logLevel", paramLabel = "LEVEL",
            description = "SEVERE, WARNING, INFO, FINE, FINER or FINEST (default: INFO)")
    private String logLevel;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.resolve(config, flags());
        ServerLogging.configure(settings.logLevel(), settings.logs());
        SluiceServer server;
        try {
            SluiceServer.Builder builder = SluiceServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    .limits(settings.limits())
                    .webapps(settings.webapps())
                    .hotDeploy(settings.hotDeployInterval())
                    .accessLog(settings.logs(), settings.accessLog())
                    .workDir(ServerSettings.home().resolve("work"))
                    .realm(RealmLoader.load(settings.realm()))
                    .containerSettings(settings.containerSettings())
                    .https(settings.httpsPort(), settings.tls())
                    .hsts(settings.hstsMaxAgeSeconds())
                    .trustedProxies(settings.scaleOut().trustedProxies())
                    .proxyProtocol(settings.scaleOut().proxyProtocol())
                    .drainDelay(settings.scaleOut().drainDelay())
                    .readyQueueFraction(settings.scaleOut().readyQueueFraction());
            settings.webappMaxConcurrentRequests().forEach(builder::maxConcurrentRequests);
            server = builder.start();
        } catch (BindException e) {
            throw new StartupException("cannot listen on " + settings.host() + ":" + settings.port()
                    + (settings.tls() == null ? "" : " and " + settings.httpsPort()) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new StartupException("cannot start: " + e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.onStop(stop::countDown, server::shutdown);
        InetSocketAddress bound = server.localAddress();
        InetSocketAddress https = server.httpsAddress();
        System.out.println("Sluice listening on http://" + settings.host() + ":" + bound.getPort()
                + (https == null ? "" : " and https://" + settings.host() + ":" + https.getPort()));
        System.out.flush();
        stop.await();
        server.shutdown(); // ready turns 503, serving goes on for drainDelay, then the graceful stop
        return 0;
    }

    /** The flags given on the command line, as properties keyed like the config file. */
    private Properties flags() {
        Properties p = new Properties();
        put(p, "port", port);
        put(p, "host", host);
        put(p, "webapps", webapps);
        put(p, "hotDeploy", hotDeploy);
        put(p, "logLevel", logLevel);
        put(p, "accessLog", accessLog);
        put(p, "realm", realm);
        for (LimitFlags.Flag flag : LimitFlags.ALL) {
            OptionSpec option = spec.findOption("--" + flag.key);
            put(p, flag.key, option == null ? null : option.getValue());
        }
        for (FileSetting setting : FileSetting.all()) {
            OptionSpec option = spec.findOption("--" + setting.key());
            put(p, setting.key(), option == null ? null : option.getValue());
        }
        for (ContainerFlags.Flag flag : ContainerFlags.WITH_MODULES) {
            OptionSpec option = spec.findOption("--" + flag.key());
            put(p, flag.key(), option == null ? null : option.getValue());
        }
        return p;
    }

    private static void put(Properties p, String key, Object value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }
}
