package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatError;
import org.junit.jupiter.api.Test;

class FlowProblemTest {

    @Test
    void ofWhenCodeErrorsThenClientProblem() {
        for (int code : new int[] {40029, 40163, 42003}) {
            assertEquals(FlowProblem.CODE_REJECTED, FlowProblem.of(new WeChatApiException("x", code, "m")), "errcode " + code);
        }
    }

    @Test
    void ofWhenBusyThenTryAgainAndOtherErrorsThenBadGateway() {
        assertEquals(FlowProblem.WECHAT_UNAVAILABLE, FlowProblem.of(new WeChatApiException("x", -1, "system error")));
        assertEquals(FlowProblem.WECHAT_UNAVAILABLE, FlowProblem.of(new WeChatApiException("x", 45011, "slow down")));
        assertEquals(FlowProblem.WECHAT_ERROR, FlowProblem.of(new WeChatApiException("x", 40125, "invalid appsecret")));
        assertEquals(FlowProblem.WECHAT_ERROR, FlowProblem.of(new WeChatApiException("x", 99999, "new code")));
    }

    @Test
    void everyProblemWhenRenderedThenClientOrGatewayStatusNever500() {
        for (FlowProblem p : FlowProblem.values()) {
            assertTrue(p.status() >= 400 && p.status() < 500 || p.status() == 502 || p.status() == 503, p + " " + p.status());
            assertTrue(p.code().matches("[a-z_]+"));
        }
    }

    @Test
    void weChatErrorOfWhenUnknownThenOther() {
        assertEquals(WeChatError.OTHER, WeChatError.of(12345));
        assertEquals(WeChatError.INVALID_CODE, WeChatError.of(40029));
    }
}
