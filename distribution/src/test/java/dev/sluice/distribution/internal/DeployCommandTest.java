package dev.sluice.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {
    @TempDir
    Path temp;

    @Test
    void copiesAFolderIntoWebappsReplacingTheOldOne() throws IOException {
        Path webapps = Files.createDirectories(temp.resolve("webapps"));
        Path app = Files.createDirectories(temp.resolve("src/shop/WEB-INF/classes"));
        Files.writeString(app.resolve("../web.xml"), "<web-app version=\"6.1\"/>");
        Files.createDirectories(webapps.resolve("shop/WEB-INF"));
        Files.writeString(webapps.resolve("shop/WEB-INF/stale.txt"), "old");

        int exit = SluiceCommand.execute("deploy", "--webapps", webapps.toString(),
                temp.resolve("src/shop").toString());

        assertEquals(0, exit);
        assertEquals("<web-app version=\"6.1\"/>", Files.readString(webapps.resolve("shop/WEB-INF/web.xml")));
        assertFalse(Files.exists(webapps.resolve("shop/WEB-INF/stale.txt")), "old copy not replaced");
        assertFalse(Files.exists(webapps.resolve(".shop.deploying")), "staging copy left behind");
    }

    @Test
    void copiesAWar() throws IOException {
        Path webapps = Files.createDirectories(temp.resolve("webapps"));
        Path war = Files.write(temp.resolve("blog.war"), new byte[] {'P', 'K', 3, 4});
        assertEquals(0, SluiceCommand.execute("deploy", "--webapps", webapps.toString(), war.toString()));
        assertEquals(4, Files.size(webapps.resolve("blog.war")));
    }

    @Test
    void refusesSomethingThatIsNoWebapp() throws IOException {
        Path webapps = Files.createDirectories(temp.resolve("webapps"));
        Path text = Files.writeString(temp.resolve("notes.txt"), "hi");
        assertEquals(2, SluiceCommand.execute("deploy", "--webapps", webapps.toString(), text.toString()));
    }
}
