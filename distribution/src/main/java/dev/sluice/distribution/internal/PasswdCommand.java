package dev.sluice.distribution.internal;

import dev.sluice.servlet.PasswordHash;
import dev.sluice.servlet.RealmFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice passwd USER [--roles a,b]}: adds a user to the realm file or changes one's password (and roles),
 * hashing the password with salted PBKDF2-HMAC-SHA256. The password is read from the console without echo, or,
 * without a console, from the first line of standard input, never from the command line (where {@code ps} and
 * shell history would show it). The file is rewritten atomically, keeping its comments. A running server picks
 * the change up within seconds.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        header = "Add a user to the realm file, or change a password and roles.",
        description = "Add a user to the realm file, or change a user's password and roles."
                + " The password is read from the console, or from standard input.")
final class PasswdCommand implements Callable<Integer> {
    @Parameters(paramLabel = "USER", description = "The user name (no ':', '=', ',', '#' or spaces)")
    private String user;

    @Option(names = "--roles", paramLabel = "ROLE[,ROLE...]", split = ",",
            description = "The user's roles; when changing a user without this flag, the roles stay")
    private List<String> roles;

    @Option(names = "--realm", paramLabel = "FILE",
            description = "The realm file (default: the 'realm' setting, SLUICE_HOME/conf/realm.properties)")
    private String realm;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file holding the 'realm' setting")
    private String config;

    @Option(names = "--iterations", paramLabel = "N",
            description = "PBKDF2 iterations (default: " + PasswordHash.DEFAULT_ITERATIONS + ")")
    private int iterations = PasswordHash.DEFAULT_ITERATIONS;

    /** Where the password comes from when there is no console (tests replace it). */
    InputStream stdin = System.in;
    PrintStream out = System.out;

    @Override
    public Integer call() throws IOException {
        Path file = realmFile();
        RealmFile realmFile;
        try {
            realmFile = Files.exists(file) ? RealmFile.read(file) : RealmFile.empty();
        } catch (IllegalArgumentException e) {
            throw new StartupException("cannot read realm file " + file + ": " + e.getMessage());
        }
        RealmFile.User existing = realmFile.user(user);
        List<String> newRoles = roles != null ? trimmed(roles) : existing != null ? existing.roles() : List.of();
        char[] password = readPassword();
        try {
            if (password.length == 0) {
                throw new StartupException("empty password: nothing changed");
            }
            PasswordHash hash;
            try {
                hash = PasswordHash.of(new String(password), iterations);
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage());
            }
            boolean added;
            try {
                added = realmFile.put(new RealmFile.User(user, hash, newRoles));
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage());
            }
            realmFile.write(file);
            out.println((added ? "Added user " : "Changed user ") + user + " (roles: "
                    + (newRoles.isEmpty() ? "none" : String.join(", ", newRoles)) + ") in " + file);
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Path realmFile() {
        if (realm != null) {
            return Paths.get(realm).toAbsolutePath().normalize();
        }
        Path resolved = ServerSettings.realmFileFromConfig(config);
        if (resolved == null) {
            throw new StartupException("the realm is off in the config; name the file with --realm FILE");
        }
        return resolved;
    }

    private static List<String> trimmed(List<String> roles) {
        List<String> list = new ArrayList<>();
        for (String r : roles) {
            if (!r.isBlank()) {
                list.add(r.strip());
            }
        }
        return list;
    }

    /** From the console, asked twice and without echo; else the first line of standard input. */
    private char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null && stdin == System.in) {
            char[] first = console.readPassword("Password for %s: ", user);
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null) {
                throw new StartupException("no password given: nothing changed");
            }
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new StartupException("the passwords differ: nothing changed");
            }
            return first;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            throw new StartupException("no password on standard input: nothing changed");
        }
        return line.toCharArray();
    }
}
