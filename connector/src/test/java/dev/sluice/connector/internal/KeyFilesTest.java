package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.TlsCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM private keys in their usual forms, and the one-line errors for the others. */
class KeyFilesTest {
    @TempDir
    static Path dir;
    static Path chain;
    static KeyPair pair;

    @BeforeAll
    static void certificate() throws Exception {
        Path store = dir.resolve("s.p12");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=k",
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        assertEquals(0, pb.redirectErrorStream(true).start().waitFor());
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        pair = new KeyPair(ks.getCertificate("server").getPublicKey(),
                (java.security.PrivateKey) ks.getKey("server", "changeit".toCharArray()));
        chain = dir.resolve("chain.pem");
        Files.writeString(chain, pem("CERTIFICATE", ks.getCertificate("server").getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyFiles.Identity load(String keyPem, String password) throws Exception {
        Path key = Files.createTempFile(dir, "key", ".pem");
        Files.writeString(key, "Bag Attributes: text before the key is ignored\n" + keyPem);
        return KeyFiles.load(TlsCertificate.pem(chain, key, password));
    }

    @Test
    void pkcs8KeyIsRead() throws Exception {
        KeyFiles.Identity id = load(pem("PRIVATE KEY", pair.getPrivate().getEncoded()), null);
        assertArrayEquals(pair.getPrivate().getEncoded(), id.key().getEncoded());
        assertEquals(1, id.chain().length);
    }

    @Test
    void encryptedPkcs8KeyIsReadWithItsPassword() throws Exception {
        String algorithm = "PBEWithSHA1AndDESede"; // PBES1, which the JDK can also write
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new PBEKeySpec("s3cret".toCharArray())), new PBEParameterSpec(salt, 10_000));
        AlgorithmParameters params = cipher.getParameters();
        String encrypted = pem("ENCRYPTED PRIVATE KEY",
                new EncryptedPrivateKeyInfo(params, cipher.doFinal(pair.getPrivate().getEncoded())).getEncoded());
        assertArrayEquals(pair.getPrivate().getEncoded(), load(encrypted, "s3cret").key().getEncoded());
        GeneralSecurityException none = assertThrows(GeneralSecurityException.class, () -> load(encrypted, null));
        assertEquals("The private key is encrypted: a key password is needed", none.getMessage());
        assertThrows(GeneralSecurityException.class, () -> load(encrypted, "wrong"));
    }

    @Test
    void pbes2KeyAsOpensslWritesItIsRead() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        if (!"true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(openssl),
                    "openssl is not installed (apt-get install openssl)");
        }
        Path plain = Files.writeString(dir.resolve("plain.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Path encrypted = dir.resolve("pbes2.pem");
        Process p = new ProcessBuilder(openssl.toString(), "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
                plain.toString(), "-out", encrypted.toString(), "-passout", "pass:s3cret")
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor());
        assertArrayEquals(pair.getPrivate().getEncoded(), load(Files.readString(encrypted), "s3cret").key()
                .getEncoded());
    }

    @Test
    void sec1EcKeyIsRefusedWithTheCommandThatConvertsIt() {
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> load(pem("EC PRIVATE KEY", new byte[] {0x30, 0x00}), null));
        assertTrue(e.getMessage().endsWith("SEC1 EC keys are not read; convert with: openssl pkcs8 -topk8 -nocrypt"
                + " -in KEY -out KEY8"), e.getMessage());
    }

    @Test
    void aFileWithoutKeyOrCertificateSaysSo() throws Exception {
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> load("nothing here", null));
        assertTrue(e.getMessage().endsWith("holds no PEM private key"), e.getMessage());
    }

    @Test
    void pkcs1IsWrappedAsRsaPrivateKeyInfo() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        byte[] pkcs8 = g.generateKeyPair().getPrivate().getEncoded();
        // the PKCS#1 key is the OCTET STRING at the end of the PKCS#8 encoding: wrapping it again gives it back
        int lengthOfLength = pkcs8[1] & 0x7f;
        int p = 2 + lengthOfLength + 3 + 15 + 1;
        int n = pkcs8[p] & 0x7f;
        int len = 0;
        for (int k = 1; k <= n; k++) {
            len = (len << 8) | (pkcs8[p + k] & 0xff);
        }
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, p + 1 + n, p + 1 + n + len);
        assertArrayEquals(pkcs8, KeyFiles.pkcs1ToPkcs8(pkcs1));
    }
}
