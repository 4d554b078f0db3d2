package dev.sluice.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A realm file: one user per line, {@code name = <password hash>, role, role...}, where the hash is the text form
 * of a {@link PasswordHash} ({@code pbkdf2-sha256:<iterations>:<salt>:<hash>}). Blank lines and lines starting
 * with {@code #} are comments. For example:
 * <pre>
 * # Written by 'sluice passwd NAME --roles a,b'
 * alice = pbkdf2-sha256:210000:q0v...:Xo1..., manager, staff
 * </pre>
 * A bad line is refused with an error naming the file and line number (never its hash). {@link #put} and
 * {@link #write} rewrite the file keeping its comments and the order of its lines; the write is atomic (a
 * temporary file in the same folder, then a rename), and the file is readable by its owner only where the file
 * system has POSIX permissions.
 */
public final class RealmFile {
    /** One user line. */
    public record User(String name, PasswordHash hash, List<String> roles) {
        public User {
            roles = List.copyOf(roles);
        }

        String line() {
            StringBuilder sb = new StringBuilder(name).append(" = ").append(hash.encoded());
            for (String r : roles) {
                sb.append(", ").append(r);
            }
            return sb.toString();
        }
    }

    /** Each line: a comment or blank (user null, text kept) or a user. */
    private record Line(String text, User user) {
    }

    private final List<Line> lines;

    private RealmFile(List<Line> lines) {
        this.lines = lines;
    }

    /** An empty realm file (nothing on disk yet). */
    public static RealmFile empty() {
        return new RealmFile(new ArrayList<>());
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when a line is malformed, naming the file and line
     */
    public static RealmFile read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Reads a realm file and returns its users as a {@link Realm}. */
    public static MemoryRealm load(Path file) throws IOException {
        return read(file).realm();
    }

    /** Parses the lines of a realm file; {@code source} names it in errors. */
    public static RealmFile parse(String source, List<String> text) {
        List<Line> lines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int number = 0;
        for (String raw : text) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                lines.add(new Line(raw, null));
                continue;
            }
            User user;
            try {
                user = parseUser(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
            }
            if (!names.add(user.name())) {
                throw new IllegalArgumentException(source + " line " + number + ": user '" + user.name()
                        + "' is already defined above");
            }
            lines.add(new Line(raw, user));
        }
        return new RealmFile(lines);
    }

    private static User parseUser(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected 'name = <password hash>, role, ...'");
        }
        String name = line.substring(0, eq).strip();
        MemoryRealm.checkName(name);
        String[] parts = line.substring(eq + 1).split(",");
        PasswordHash hash = PasswordHash.parse(parts[0]);
        List<String> roles = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String role = parts[i].strip();
            if (role.isEmpty()) {
                throw new IllegalArgumentException("empty role name for user '" + name + "'");
            }
            roles.add(role);
        }
        return new User(name, hash, roles);
    }

    /** The users, in file order. */
    public List<User> users() {
        List<User> users = new ArrayList<>();
        for (Line l : lines) {
            if (l.user() != null) {
                users.add(l.user());
            }
        }
        return users;
    }

    /** The user named {@code name}, or null. */
    public User user(String name) {
        for (User u : users()) {
            if (u.name().equals(name)) {
                return u;
            }
        }
        return null;
    }

    /** Adds a user at the end, or replaces the line of the user of that name in place; returns whether added. */
    public boolean put(User user) {
        MemoryRealm.checkName(user.name());
        for (String r : user.roles()) {
            if (r.isBlank() || r.contains(",") || r.strip().length() != r.length()) {
                throw new IllegalArgumentException("a role name must be non-empty, without commas or surrounding"
                        + " spaces: '" + r + "'");
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            User u = lines.get(i).user();
            if (u != null && u.name().equals(user.name())) {
                lines.set(i, new Line(user.line(), user));
                return false;
            }
        }
        lines.add(new Line(user.line(), user));
        return true;
    }

    /** The users as a {@link Realm}. */
    public MemoryRealm realm() {
        MemoryRealm.Builder b = MemoryRealm.builder();
        for (User u : users()) {
            b.user(u.name(), u.hash(), u.roles());
        }
        return b.build();
    }

    /** The file's text. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /** Writes the file atomically: a temporary file next to it, owner-only where possible, then a rename. */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temp, text(), StandardCharsets.UTF_8);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Users and their roles, for a listing (no hashes). */
    public Map<String, List<String>> roles() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (User u : users()) {
            map.put(u.name(), u.roles());
        }
        return map;
    }
}
