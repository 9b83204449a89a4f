/**
 * P4, the push-handling benchmark: JMH, in the same JVM, our {@code WeChatPushHandler} against
 * WxJava's {@code WxMpXmlMessage.fromEncryptedXml} on identical safe-mode pushes. Run alone with
 * {@link io.wxbind.bench.push.PushBench#main}.
 */
package io.wxbind.bench.push;
