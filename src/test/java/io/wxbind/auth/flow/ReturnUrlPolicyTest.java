package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReturnUrlPolicyTest {

    private final ReturnUrlPolicy policy = new ReturnUrlPolicy(List.of("https://portal.example.com", "http://localhost:9000"));

    @Test
    void checkWhenBlankThenFallback() {
        assertEquals(Optional.of("/wxbind/"), policy.check(null, "/wxbind/"));
        assertEquals(Optional.of("/wxbind/"), policy.check("  ", "/wxbind/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/wxbind/app/", "/wxbind/app/orders?id=7&x=%2F", "/", "https://portal.example.com/app",
        "https://PORTAL.example.com:443/x", "http://localhost:9000/a?b=c"})
    void checkWhenRelativeOrAllowListedThenAccepted(String url) {
        assertEquals(Optional.of(url), policy.check(url, "/wxbind/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "/\\evil.example", "https://evil.example/", "http://portal.example.com/",
        "https://portal.example.com.evil.example/", "https://user@portal.example.com/", "javascript:alert(1)",
        "data:text/html,x", "wxbind/app", "/app/\r\nSet-Cookie:x", "http://localhost:9001/", "ftp://portal.example.com/"})
    void checkWhenForeignOrMalformedThenRefused(String url) {
        assertTrue(policy.check(url, "/wxbind/").isEmpty(), url);
    }

    @Test
    void checkWhenTooLongThenRefused() {
        assertTrue(policy.check("/" + "a".repeat(ReturnUrlPolicy.MAX_LENGTH), "/").isEmpty());
    }
}
