package dev.sluice.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplodeTest {
    @TempDir
    Path temp;

    @Test
    void writesAnExplodedFolderKeepingLibrariesAsJars() throws Exception {
        JavaArchive library = ShrinkWrap.create(JavaArchive.class, "util.jar")
                .addAsResource(new StringAsset("x=1"), "util.properties");
        WebArchive war = ShrinkWrap.create(WebArchive.class, "shop.war")
                .addAsWebResource(new StringAsset("<h1>Shop</h1>"), "index.html")
                .addAsLibrary(library);

        Path folder = temp.resolve("shop");
        SluiceDeployableContainer.explode(war, folder);

        assertEquals("<h1>Shop</h1>", Files.readString(folder.resolve("index.html")));
        Path jar = folder.resolve("WEB-INF/lib/util.jar");
        assertTrue(Files.isRegularFile(jar), "library exploded instead of kept as a jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.getEntry("util.properties") != null);
        }
    }
}
