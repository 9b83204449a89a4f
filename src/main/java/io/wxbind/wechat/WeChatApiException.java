package io.wxbind.wechat;

/**
 * WeChat answered (HTTP 200) with a non-zero {@code errcode}. Callers branch on
 * {@link #errcode()} only: {@code errmsg} carries a variable {@code rid} suffix (§0).
 */
public class WeChatApiException extends RuntimeException {

    private final int errcode;
    private final String errmsg;

    public WeChatApiException(String api, int errcode, String errmsg) {
        super(api + " answered errcode " + errcode + ": " + errmsg);
        this.errcode = errcode;
        this.errmsg = errmsg;
    }

    public int errcode() {
        return errcode;
    }

    public String errmsg() {
        return errmsg;
    }

    public WeChatError error() {
        return WeChatError.of(errcode);
    }
}
