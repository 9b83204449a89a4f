package io.wxbind.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A body that is no JSON object, whatever its shape, is empty (then a 400), never an exception (a 500). */
class JsonBodyTest {

    @Test
    void objectWhenGarbageOversizedOrTooDeepThenEmpty() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        for (String body : new String[] {null, "", " ", "{not json", "[]", "\"s\"", "null", "{\"x\": " + deep + "}",
                "{\"x\": \"" + "A".repeat(JsonBody.MAX_CHARS) + "\"}"}) {
            assertEquals(Optional.empty(), JsonBody.object(body), body == null ? "null" : body.substring(0, Math.min(40, body.length())));
        }
    }

    @Test
    void objectWhenObjectThenParsedAndStringsReadSafely() {
        var json = JsonBody.object("{\"appId\": \"wx1\", \"code\": 5}").orElseThrow();
        assertEquals("wx1", JsonBody.string(json, "appId"));
        assertEquals(null, JsonBody.string(json, "code"), "not a string");
        assertTrue(JsonBody.object("{\"x\": " + "[".repeat(50) + "]".repeat(50) + "}").isPresent(), "ordinary nesting is fine");
    }
}
