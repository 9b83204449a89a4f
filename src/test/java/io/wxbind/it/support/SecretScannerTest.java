package io.wxbind.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretScannerTest {

    private static final String OPENID = "oAbCdEfGhIjKlMnOpQrStUvWxYz1";
    private static final String TOKEN = "Q2hhbmdlTWVfX2FwaS10b2tlbi0wMTIzNDU2Nzg5YWJ";

    @Test
    void scanWhenKnownValueAnywhereThenFoundWithKindAndOffsetButNotTheValue() {
        SecretScanner s = new SecretScanner().add("openid", OPENID).add("app secret", "5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b");
        List<SecretScanner.Finding> found = s.scan("user=" + OPENID + ",x\n%3D" + OPENID + "\u4e2d" + OPENID, "log");
        assertEquals(3, found.size(), found.toString());
        assertEquals(new SecretScanner.Finding("openid", "log at offset 5"), found.get(0));
        assertTrue(found.stream().noneMatch(f -> f.toString().contains(OPENID)));
        assertEquals(1, s.scan("secret 5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b.", "x").size());
    }

    @Test
    void scanWhenOnlyAPrefixOrShortenedIdThenNothing() {
        SecretScanner s = new SecretScanner().add("openid", OPENID).add("short", "abc");
        assertEquals(List.of(), s.scan("oAbC\u2026xYz1 oAbCdEfGhIjKlMnOpQrStUvWxYz abc abc", "page"));
        assertEquals(1, s.knownValues(), "values shorter than 8 characters are ignored");
    }

    @Test
    void scanWhenHashedValueAppearsThenFoundOnlyForExactRuns() {
        SecretScanner s = new SecretScanner().addHashed("api token", 43, Set.of(SecretScanner.sha256Hex(TOKEN)));
        assertEquals(1, s.scan("Authorization: Bearer " + TOKEN + "\n", "log").size());
        assertEquals(0, s.scan("x" + TOKEN, "log").size(), "inside a longer run it is another value");
        assertEquals(0, s.scan(TOKEN.replace('Q', 'R'), "log").size());
    }

    @Test
    void scanWhenShapeMatchesThenFoundButNotHexOrBase64Text() {
        SecretScanner s = new SecretScanner().addShape("access token", 20);
        assertEquals(1, s.scan("token=Ab3dEf6hIj9lMn2pQr5t&x", "body").size());
        assertEquals(0, s.scan("sha 0123456789abcdef0123 end", "body").size(), "hex has no upper case");
        assertEquals(0, s.scan("data:image/png;base64,AAAA/Ab3dEf6hIj9lMn2pQr5t+BBB=", "body").size());
        assertFalse(s.scan("Ab3dEf6hIj9lMn2pQr5t", "body").isEmpty());
    }

    @Test
    void scanWhenPercentEncodedBase64HasAnExactRunBetweenEscapesThenNoFinding() {
        String run = "AAAAAAAAAAEuaHR0cDovL3dlaXhpbi5xcS5jb20vcS84S2VIRkFFSUNBN3NmV1A5Z0NOblBEAAIEzH0RawME".substring(0, 84);
        SecretScanner scanner = new SecretScanner().addShape("WeChat OAuth token", 86);
        assertTrue(scanner.scan("showqrcode?ticket=gQF9HRZ%2F" + run + "%2BH4Raw%3D%3D\"", "qr").isEmpty());
        assertFalse(scanner.scan("access_token=Zx" + run + "&openid=o1", "leak").isEmpty(), "a real token in a query is still found");
    }
}
