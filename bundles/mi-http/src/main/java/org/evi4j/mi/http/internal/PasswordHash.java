package org.evi4j.mi.http.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted password hash as the {@code .cfg} stores it: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt and hash in
 * base64 (PBKDF2 with HMAC-SHA256, from the JDK). {@link #main} prints one for a password read from standard input.
 */
final class PasswordHash {
    static final String SCHEME = "pbkdf2-sha256";
    static final int DEFAULT_ITERATIONS = 210_000;
    private static final int MIN_ITERATIONS = 1_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * @throws IllegalArgumentException when the text is not such a hash (a password in clear, say), without
     *                                  repeating the text
     */
    static PasswordHash parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME) || !parts[1].matches("\\d{1,8}")) {
            throw new IllegalArgumentException("basic_auth_password must be " + SCHEME
                    + "$ITERATIONS$SALT$HASH (make one with the command in docs/http.md), never the password itself");
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("basic_auth_password: iterations must be from " + MIN_ITERATIONS
                    + " to " + MAX_ITERATIONS);
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("basic_auth_password: salt or hash too short");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("basic_auth_password: salt and hash must be base64", e);
        }
    }

    /** A new hash of the password with a random salt. */
    static String create(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(password, salt, iterations, HASH_BYTES * 8));
    }

    /** Whether the password hashes to this hash (compared in constant time). */
    boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length * 8));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * Prints the hash of the password on standard input (one line) for {@code basic_auth_password}:
     * {@code java -cp mi-http.jar org.evi4j.mi.http.internal.PasswordHash [ITERATIONS]}.
     */
    public static void main(String[] args) throws java.io.IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ITERATIONS;
        java.io.Console console = System.console();
        char[] password = console != null ? console.readPassword("password: ")
                : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip().toCharArray();
        System.out.println(create(password, iterations));
    }
}
