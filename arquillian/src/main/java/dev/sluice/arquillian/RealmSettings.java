package dev.sluice.arquillian;

import dev.sluice.servlet.MemoryRealm;
import dev.sluice.servlet.Realm;
import dev.sluice.servlet.RealmFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The realm of the {@code users} and {@code realmFile} properties: users from a realm file (the format of the
 * distribution's {@code conf/realm.properties}, written by {@code sluice passwd}), then users given in clear in
 * arquillian.xml, {@code name:password:role,role} separated by {@code ;} or new lines. A clear entry replaces a
 * file user of the same name. Clear passwords are test credentials: they are hashed in memory (PBKDF2, 1,000
 * iterations) and compared in constant time like any other. Errors name the entry, never its password.
 */
final class RealmSettings {
    /** Iterations for passwords given in clear: test users, checked often, never stored. */
    static final int CLEAR_ITERATIONS = 1000;

    private RealmSettings() {
    }

    /**
     * The realm, or null when neither property is set.
     *
     * @throws IllegalArgumentException naming the malformed entry or realm file line
     * @throws IOException              when the realm file cannot be read
     */
    static Realm realm(String users, String realmFile) throws IOException {
        boolean noUsers = users == null || users.isBlank();
        boolean noFile = realmFile == null || realmFile.isBlank();
        if (noUsers && noFile) {
            return null;
        }
        MemoryRealm.Builder builder = MemoryRealm.builder().iterations(CLEAR_ITERATIONS);
        if (!noFile) {
            for (RealmFile.User u : RealmFile.read(Path.of(realmFile.trim())).users()) {
                builder.user(u.name(), u.hash(), u.roles());
            }
        }
        if (!noUsers) {
            int number = 0;
            for (String raw : users.split("[;\\n]")) {
                String entry = raw.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                number++;
                int first = entry.indexOf(':');
                int last = entry.lastIndexOf(':');
                if (first <= 0 || first == last) {
                    throw new IllegalArgumentException("users entry " + number
                            + ": expected name:password:role,role (roles may be empty)");
                }
                String name = entry.substring(0, first);
                try {
                    builder.user(name, entry.substring(first + 1, last), roles(entry.substring(last + 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("users entry " + number + ": " + e.getMessage(), e);
                }
            }
        }
        return builder.build();
    }

    private static String[] roles(String list) {
        List<String> roles = new ArrayList<>();
        for (String r : list.split(",")) {
            if (!r.isBlank()) {
                roles.add(r.strip());
            }
        }
        return roles.toArray(new String[0]);
    }
}
