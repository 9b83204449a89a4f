/**
 * The event-push endpoint (protocol §6, §7): WeChat POSTs messages and events (follow, QR scan,
 * menu click, text) to {@code /wechat/push/{appId}}; this package verifies them, decrypts them,
 * drops duplicates and replays, and hands them to the application as CDI events.
 *
 * <pre>
 *  WeChat                       WeChatPushServlet / WeChatPushHandler          application
 *  1. GET ?signature&amp;timestamp&amp;nonce&amp;echostr --&gt; signature ok → echostr (URL check, once)
 *  2. POST ?signature&amp;timestamp&amp;nonce[&amp;encrypt_type=aes&amp;msg_signature]  + XML body
 *                                 app known? (404) · signature (401) · timestamp window (403)
 *                                 · mode allows it (400) · body size (413) · StAX without DTD (400)
 *                                 · msg_signature (401) · AES-CBC + appid check (400)
 *  3.                             one transaction: (timestamp, nonce, signature) seen with another
 *                                 body? → 403; message key seen? → stored answer, nothing fired
 *  4.                             new: fire PushReceived synchronously ---------&gt; quick observers
 *                                 (first passive reply wins; stored with the key)  (same transaction)
 *  5.   &lt;------------------------ "success" or the reply XML (encrypted if the request was)
 *  6.                             after commit: fireAsync(WeChatPushEvent) ------&gt; @ObservesAsync
 * </pre>
 *
 * WeChat retries a push that took more than 5 s, up to three times: the retry finds the message
 * key (step 3) and gets the same answer without anything being fired again.
 * {@link io.wxbind.push.FollowStateObserver} records follows and unfollows on the binding.
 */
package io.wxbind.push;
