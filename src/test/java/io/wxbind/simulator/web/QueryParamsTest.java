package io.wxbind.simulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void parseWhenEncodedThenDecodedAndFirstValueWins() {
        Map<String, String> params = QueryParams.parse("redirect_uri=http%3A%2F%2Fh%2Fcb%3Fx%3D1&a=1&a=2&flag");
        assertEquals("http://h/cb?x=1", params.get("redirect_uri"));
        assertEquals("1", params.get("a"));
        assertEquals("", params.get("flag"));
    }

    @Test
    void parseWhenGarbledEscapeThenRawTextInsteadOfFailure() {
        assertEquals("%zz", QueryParams.parse("code=%zz").get("code"));
        assertEquals(Map.of(), QueryParams.parse(null));
    }
}
