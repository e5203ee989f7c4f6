package org.evi4j.mi.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aCreatedHashMatchesItsPasswordOnly() {
        String stored = PasswordHash.create("s3cret".toCharArray(), 1000);
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("s3cret");
        PasswordHash hash = PasswordHash.parse(stored);
        assertThat(hash.matches("s3cret".toCharArray())).isTrue();
        assertThat(hash.matches("s3cres".toCharArray())).isFalse();
        assertThat(hash.matches(new char[0])).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferBySalt() {
        assertThat(PasswordHash.create("a".toCharArray(), 1000)).isNotEqualTo(PasswordHash.create("a".toCharArray(), 1000));
    }

    @Test
    void aPythonMadeHashIsRead() {
        // python3 -c 'import hashlib,base64;s=b"0123456789abcdef";print(base64.b64encode(
        //   hashlib.pbkdf2_hmac("sha256",b"pw",s,1000)).decode())'
        PasswordHash hash = PasswordHash.parse(
                "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$" + PythonVector.HASH);
        assertThat(hash.matches("pw".toCharArray())).isTrue();
    }

    @Test
    void aPasswordInClearIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> PasswordHash.parse("hunter2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2").hasMessageContaining("pbkdf2-sha256$ITERATIONS$SALT$HASH");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$10$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA=="))
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$!!$??")).hasMessageContaining("base64");
    }

    /** The hash python3's hashlib gives (computed once, see the comment above). */
    private static final class PythonVector {
        static final String HASH = "g4BiOBrcHGnGTAdCcoA+WrLOFA69L2c9HA5vVpt2o7A=";
    }
}
