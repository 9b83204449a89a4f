package io.wxbind.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.FakeHttp;
import org.junit.jupiter.api.Test;

/** What the filter answers besides the origin decision (that one is OriginCheckTest's). */
class CsrfFilterTest {

    private static FakeHttp.Request post(String path) {
        return new FakeHttp.Request().method("POST").uri("/wxbind" + path);
    }

    @Test
    void nonJsonApiBodyWhenFormOrTextToApiThen415Case() {
        assertTrue(CsrfFilter.isNonJsonApiBody(post("/api/me/password").contentType("application/x-www-form-urlencoded").contentLength(9).build()));
        assertTrue(CsrfFilter.isNonJsonApiBody(post("/api/me/password").contentType("text/plain").contentLength(2).build()));
        assertTrue(CsrfFilter.isNonJsonApiBody(post("/api/me/password").contentLength(2).build()), "no type at all");
        assertTrue(CsrfFilter.isNonJsonApiBody(post("/api/me/password").contentType("text/plain").header("Transfer-Encoding", "chunked").build()));
        assertTrue(CsrfFilter.isNonJsonApiBody(post("/api/x").contentType("application/jsonp").contentLength(2).build()));
    }

    @Test
    void nonJsonApiBodyWhenJsonOrNoBodyOrNotApiThenPasses() {
        assertFalse(CsrfFilter.isNonJsonApiBody(post("/api/me/password").contentType("application/json").contentLength(2).build()));
        assertFalse(CsrfFilter.isNonJsonApiBody(post("/api/me/password").contentType("Application/JSON; charset=UTF-8").contentLength(2).build()));
        assertFalse(CsrfFilter.isNonJsonApiBody(post("/api/x").contentType("application/merge-patch+json").contentLength(2).build()));
        assertFalse(CsrfFilter.isNonJsonApiBody(post("/api/wechat/tokens").contentType("application/x-www-form-urlencoded").contentLength(0).build()),
                "an empty body has no type to check");
        assertFalse(CsrfFilter.isNonJsonApiBody(post("/api/wechat/tokens").build()));
        assertFalse(CsrfFilter.isNonJsonApiBody(post("/wechat/bind").contentType("application/x-www-form-urlencoded").contentLength(9).build()));
        assertFalse(CsrfFilter.isNonJsonApiBody(new FakeHttp.Request().method("GET").uri("/wxbind/api/me").contentType("text/plain")
                .contentLength(2).build()));
    }

    @Test
    void wantsJsonWhenApiOrScriptThenJsonElsePage() {
        assertTrue(CsrfFilter.wantsJson(post("/api/wechat/tokens").build()));
        assertTrue(CsrfFilter.wantsJson(post("/wechat/sms/send").header("Sec-Fetch-Dest", "empty").build()), "fetch()");
        assertTrue(CsrfFilter.wantsJson(post("/wechat/sms/send").header("X-Requested-With", "XMLHttpRequest").build()));
        assertTrue(CsrfFilter.wantsJson(post("/logout").header("Accept", "application/json").build()));
        assertFalse(CsrfFilter.wantsJson(post("/logout").header("Accept", "text/html,application/json;q=0.9").header("Sec-Fetch-Dest", "document")
                .build()));
        assertFalse(CsrfFilter.wantsJson(post("/wechat/bind").build()));
    }
}
