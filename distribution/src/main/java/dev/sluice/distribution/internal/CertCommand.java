package dev.sluice.distribution.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice cert HOSTNAME...}: writes a self-signed development certificate for the given host names (and IP
 * addresses) into {@code conf/tls.p12}, where the {@code tlsKeyStore} setting looks by default, and the
 * certificate alone into {@code conf/tls.crt} for clients to trust. Made by the JDK's {@code keytool}: an EC P-256
 * key (fast handshakes) and a certificate whose subject alternative names are the names given.
 */
@Command(name = "cert", mixinStandardHelpOptions = true,
        description = "Write a self-signed development certificate for HTTPS")
final class CertCommand implements Callable<Integer> {
    @Parameters(paramLabel = "HOSTNAME", arity = "1..*",
            description = "Host names or IP addresses the certificate is for; the first is its subject")
    private List<String> names;

    @Option(names = "--keyStore", paramLabel = "FILE",
            description = "Where to write the PKCS12 store (default: SLUICE_HOME/" + "conf/tls.p12)")
    private Path keyStore;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "The store's password (default: changeit, as the tlsKeyStorePassword default)")
    private String password = "changeit";

    @Option(names = "--days", paramLabel = "N", description = "Validity in days (default: 825)")
    private int days = 825;

    @Option(names = "--force", description = "Replace an existing store")
    private boolean force;

    PrintStream out = System.out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path store = keyStore != null ? keyStore.toAbsolutePath().normalize()
                : ServerSettings.home().resolve(TlsSettings.KEY_STORE.defaultValue());
        Path crt = store.resolveSibling(store.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".crt");
        if (Files.exists(store) && !force) {
            throw new StartupException(store + " exists; --force replaces it");
        }
        Files.createDirectories(store.toAbsolutePath().getParent());
        Files.deleteIfExists(store);
        StringBuilder san = new StringBuilder("SAN=");
        for (String name : names) {
            if (!name.matches("[A-Za-z0-9.*:-]+")) {
                throw new StartupException("Not a host name or IP address: '" + name + "'");
            }
            san.append(san.length() > 4 ? "," : "").append(isIp(name) ? "ip:" : "dns:").append(name);
        }
        keytool("-genkeypair", "-alias", "sluice", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + names.get(0), "-ext", san.toString(), "-ext", "EKU=serverAuth",
                "-validity", Integer.toString(days), "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "sluice", "-keystore", store.toString(), "-storepass", password,
                "-file", crt.toString());
        String host = names.get(0);
        out.println("Wrote " + store + " (key and certificate) and " + crt + " (certificate) for "
                + String.join(", ", names) + ", valid " + days + " days.");
        out.println("Serve HTTPS:   bin/sluice run --httpsPort 8443"
                + (keyStore == null ? "" : " --tlsKeyStore " + store));
        out.println("It is self-signed: clients must be told to trust it, for development only.");
        out.println("  curl:        curl --cacert " + crt + " https://" + host + ":8443/");
        out.println("  Java:        keytool -importcert -alias sluice-dev -file " + crt
                + " -keystore trust.p12 -storepass changeit, then -Djavax.net.ssl.trustStore=trust.p12");
        out.println("  Debian:      sudo cp " + crt + " /usr/local/share/ca-certificates/sluice-dev.crt"
                + " && sudo update-ca-certificates");
        out.println("  Browsers:    import " + crt + " as a trusted authority (Settings, Certificates)");
        return 0;
    }

    private static boolean isIp(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new StartupException("keytool failed: " + output.trim());
        }
    }
}
