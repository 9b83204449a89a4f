package io.wxbind.wechat;

/** WeChat could not be reached, timed out, or answered something that is not its JSON. */
public class WeChatUnavailableException extends RuntimeException {

    public WeChatUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public WeChatUnavailableException(String message) {
        super(message);
    }
}
