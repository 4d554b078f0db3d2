package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PBKDF2 password hash, the realm file format and the in-memory realm. */
class RealmFileTest {
    @TempDir
    Path dir;

    private static final PasswordHash ALICE = PasswordHash.of("secret", 1000);

    @Test
    void aHashMatchesOnlyItsPasswordAndSurvivesItsTextForm() {
        PasswordHash hash = PasswordHash.parse(ALICE.encoded());
        assertTrue(hash.matches("secret"));
        assertFalse(hash.matches("Secret"));
        assertFalse(hash.matches(""));
        assertFalse(hash.matches(null));
        assertEquals(1000, hash.iterations());
        assertTrue(hash.encoded().startsWith("pbkdf2-sha256:1000:"));
        assertNotEquals(ALICE.encoded(), PasswordHash.of("secret", 1000).encoded(), "a fresh salt each time");
        assertTrue(PasswordHash.of("pässwörd ✓", 10).matches("pässwörd ✓"));
    }

    @Test
    void aKnownVectorMatches() {
        // RFC 7914 section 11 (PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, first 32 bytes of dkLen 64).
        PasswordHash known = PasswordHash.parse("pbkdf2-sha256:1:c2FsdA==:VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw=");
        assertTrue(known.matches("passwd"));
        assertFalse(known.matches("passwe"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plain-text-password                              | not a password hash
            md5:1:c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaA==       | not a password hash
            pbkdf2-sha256:many:c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaA== | not a number
            pbkdf2-sha256:0:c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaA==    | out of range
            pbkdf2-sha256:5:***:aGFzaGhhc2hoYXNoaGFzaA==              | not base64
            pbkdf2-sha256:5:c2FsdA==:aGFzaA==                         | too short
            """)
    void badHashesAreRefusedWithoutEchoingThem(String value, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(value));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains(value), "the value is a secret: " + e.getMessage());
    }

    @Test
    void aFileIsParsedWithCommentsUsersAndRoles() {
        RealmFile file = RealmFile.parse("realm.properties", List.of(
                "# users", "", "alice = " + ALICE.encoded() + ", manager, staff",
                "  bob=" + PasswordHash.of("pw", 10).encoded()));
        assertEquals(List.of("alice", "bob"), file.users().stream().map(RealmFile.User::name).toList());
        assertEquals(List.of("manager", "staff"), file.user("alice").roles());
        assertEquals(List.of(), file.user("bob").roles());
        MemoryRealm realm = file.realm();
        assertEquals(new RealmUser("alice", Set.of("manager", "staff")), realm.authenticate("alice", "secret"));
        assertEquals(new RealmUser("bob", Set.of()), realm.authenticate("bob", "pw"));
        assertNull(realm.authenticate("alice", "wrong"));
        assertNull(realm.authenticate("carol", "secret"));
        assertNull(realm.authenticate("alice", null));
    }

    @Test
    void aRememberedPasswordIsCheckedAgainAndAWrongOneStillFails() {
        MemoryRealm realm = MemoryRealm.builder().iterations(10).user("u", "right", "r").build();
        assertEquals("u", realm.authenticate("u", "right").getName());
        assertEquals("u", realm.authenticate("u", "right").getName());
        assertNull(realm.authenticate("u", "wrong"));
        assertNull(realm.authenticate("u", "righ"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alice                                | line 2: expected 'name = <password hash>, role, ...'
            al ice = HASH                        | line 2: a user name must not contain
            = HASH                               | line 2: a user name must not be empty
            alice = plain                        | line 2: not a password hash
            alice = HASH, ,staff                 | line 2: empty role name for user 'alice'
            first = HASH                         | line 2: user 'first' is already defined above
            """)
    void badLinesNameTheirLine(String line, String message) {
        List<String> text = List.of("first = " + ALICE.encoded(), line.replace("HASH", ALICE.encoded()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RealmFile.parse("realm.properties", text));
        assertTrue(e.getMessage().startsWith("realm.properties " + message.substring(0, message.indexOf(':') + 1)),
                e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains(ALICE.encoded()), "hashes stay out of errors");
    }

    @Test
    void putReplacesInPlaceKeepsCommentsAndWritesAtomicallyForTheOwnerOnly() throws Exception {
        Path path = dir.resolve("conf/realm.properties");
        RealmFile file = RealmFile.parse("realm.properties", List.of("# keep me", "alice = " + ALICE.encoded()));
        assertTrue(file.put(new RealmFile.User("bob", PasswordHash.of("pw", 10), List.of("staff"))));
        assertFalse(file.put(new RealmFile.User("alice", PasswordHash.of("new", 10), List.of("manager"))));
        file.write(path);
        List<String> lines = Files.readAllLines(path);
        assertEquals("# keep me", lines.get(0));
        assertTrue(lines.get(1).startsWith("alice = pbkdf2-sha256:10:"), lines.get(1));
        assertTrue(lines.get(1).endsWith(", manager"), lines.get(1));
        assertTrue(lines.get(2).startsWith("bob = pbkdf2-sha256:10:"), lines.get(2));
        MemoryRealm realm = RealmFile.load(path);
        assertNull(realm.authenticate("alice", "secret"));
        assertEquals(Set.of("manager"), realm.authenticate("alice", "new").roles());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertFalse(Files.exists(dir.resolve("conf/.realm.properties.tmp")));
    }

    @Test
    void namesAndRolesThatCannotBeWrittenAreRefused() {
        RealmFile file = RealmFile.empty();
        assertThrows(IllegalArgumentException.class,
                () -> file.put(new RealmFile.User("a:b", ALICE, List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> file.put(new RealmFile.User("a", ALICE, List.of("x,y"))));
    }
}
