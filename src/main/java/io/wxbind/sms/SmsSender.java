package io.wxbind.sms;

/**
 * Delivers one text message to one phone: the portal's SMS gateway (Aliyun, Tencent Cloud, an
 * operator's API). WxBind calls it after the code is safely stored, off the request thread, and
 * only for phones that belong to an account.
 *
 * <p>Without any bean of this type, SMS binding is off and the bind page hides it. The demo WAR
 * has {@code io.wxbind.demo.DemoSmsSender} (console and simulator inbox, nothing is sent); it is
 * not part of the classes jar. A portal provides its own as an enabled alternative, which also
 * wins over the demo one if both are present:
 *
 * <pre>
 * &#64;ApplicationScoped
 * &#64;Alternative
 * &#64;Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 10)
 * public class GatewaySmsSender implements SmsSender { ... }
 * </pre>
 */
public interface SmsSender {

    /**
     * Sends {@code text} to {@code phone} (E.164, e.g. {@code +8613800000001}). May throw on a
     * gateway failure: WxBind logs it; the person can ask for a new code after the resend wait.
     */
    void send(String phone, String text);
}
