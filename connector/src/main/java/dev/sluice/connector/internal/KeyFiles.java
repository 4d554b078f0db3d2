package dev.sluice.connector.internal;

import dev.sluice.connector.TlsCertificate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Reads server keys and CA certificates from PKCS12 stores and PEM files (RFC 7468). Stateless. */
final class KeyFiles {
    /** A private key and its certificate chain, server certificate first. */
    record Identity(PrivateKey key, X509Certificate[] chain) {
    }

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** DER of the AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private KeyFiles() {
    }

    static Identity load(TlsCertificate source) throws IOException, GeneralSecurityException {
        return source.format() == TlsCertificate.Format.PKCS12 ? loadPkcs12(source) : loadPem(source);
    }

    private static Identity loadPkcs12(TlsCertificate source) throws IOException, GeneralSecurityException {
        char[] password = source.password() == null ? new char[0] : source.password().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(source.file())) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                PrivateKey key = (PrivateKey) store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                X509Certificate[] x509 = new X509Certificate[chain.length];
                for (int i = 0; i < chain.length; i++) {
                    x509[i] = (X509Certificate) chain[i];
                }
                return new Identity(key, x509);
            }
        }
        throw new GeneralSecurityException(source.file() + " holds no private key entry");
    }

    private static Identity loadPem(TlsCertificate source) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = certificates(source.file());
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(source.file() + " holds no certificate");
        }
        String text = Files.readString(source.keyFile(), StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            PKCS8EncodedKeySpec spec = switch (m.group(1)) {
                case "PRIVATE KEY" -> new PKCS8EncodedKeySpec(der);
                case "RSA PRIVATE KEY" -> new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der));
                case "ENCRYPTED PRIVATE KEY" -> decrypt(der, source.password());
                case "EC PRIVATE KEY" -> throw new GeneralSecurityException(source.keyFile()
                        + ": SEC1 EC keys are not read; convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8");
                default -> null;
            };
            if (spec != null) {
                return new Identity(privateKey(spec, chain.get(0)), chain.toArray(new X509Certificate[0]));
            }
        }
        throw new GeneralSecurityException(source.keyFile() + " holds no PEM private key");
    }

    /** Every certificate of a PEM bundle, or of a PKCS12 store's trusted entries (by file name). */
    static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, null);
            }
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            return out;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            for (Certificate c : factory.generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
        }
        return out;
    }

    private static PrivateKey privateKey(PKCS8EncodedKeySpec spec, X509Certificate certificate)
            throws GeneralSecurityException {
        // the certificate's public key names the algorithm (RSA, EC, EdDSA...)
        return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm()).generatePrivate(spec);
    }

    private static PKCS8EncodedKeySpec decrypt(byte[] der, String password) throws GeneralSecurityException,
            IOException {
        if (password == null) {
            throw new GeneralSecurityException("The private key is encrypted: a key password is needed");
        }
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        String algorithm = info.getAlgName();
        if (algorithm.equals("PBES2")) {
            // RFC 8018 PBES2 (what openssl pkcs8 -topk8 writes): the JDK names the scheme by its parameters,
            // e.g. PBEWithHmacSHA256AndAES_256
            algorithm = info.getAlgParameters().toString();
        }
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                info.getAlgParameters());
        return info.getKeySpec(cipher);
    }

    /** RFC 5208 PrivateKeyInfo around an RFC 8017 RSAPrivateKey: version 0, rsaEncryption, the key as octets. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(derHeader(0x04, pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(derHeader(0x30, body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) tag, (byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
