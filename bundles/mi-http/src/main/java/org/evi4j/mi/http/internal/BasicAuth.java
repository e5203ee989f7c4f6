package org.evi4j.mi.http.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * HTTP basic authentication against one user with a {@link PasswordHash}, or against a JAAS realm (Karaf's
 * {@code karaf}). A hash costs some 100 ms of CPU by design, so a header that passed is remembered (by its SHA-256,
 * for a minute, at most {@value #MAX_REMEMBERED} of them): a client that keeps sending it pays once.
 */
final class BasicAuth {
    static final int MAX_REMEMBERED = 64;
    private static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final String PREFIX = "basic ";

    private final String user;
    private final PasswordHash hash;
    private final String jaasRealm;
    private final Map<String, Long> passed = new ConcurrentHashMap<>();

    /**
     * @param user      the user of {@code hash}, or empty
     * @param hash      its password hash, or {@code null}
     * @param jaasRealm a JAAS realm, or empty
     */
    BasicAuth(String user, PasswordHash hash, String jaasRealm) {
        this.user = user;
        this.hash = hash;
        this.jaasRealm = jaasRealm;
    }

    /** Whether the {@code Authorization} header holds credentials that pass. */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String key = sha256(authorization);
        Long until = passed.get(key);
        long now = System.nanoTime();
        if (until != null && until - now > 0) {
            return true;
        }
        boolean ok = check(authorization.substring(PREFIX.length()).strip());
        if (ok) {
            if (passed.size() >= MAX_REMEMBERED) {
                passed.clear();
            }
            passed.put(key, now + REMEMBER_NANOS);
        }
        return ok;
    }

    private boolean check(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        Arrays.fill(decoded, (byte) 0);
        int colon = text.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String name = text.substring(0, colon);
        char[] password = text.substring(colon + 1).toCharArray();
        try {
            if (hash != null && MessageDigest.isEqual(utf8(name), utf8(user)) && hash.matches(password)) {
                return true;
            }
            return !jaasRealm.isEmpty() && jaasLogin(name, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private boolean jaasLogin(String name, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Karaf's login modules are found through the caller's class loader (boot-delegated there)
        thread.setContextClassLoader(BasicAuth.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(jaasRealm, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback) {
                        ((NameCallback) callback).setName(name);
                    } else if (callback instanceof PasswordCallback) {
                        ((PasswordCallback) callback).setPassword(password);
                    }
                }
            });
            login.login();
            login.logout();
            return true;
        } catch (LoginException | SecurityException e) {
            return false;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(utf8(s)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
