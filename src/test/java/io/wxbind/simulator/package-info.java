/**
 * WeChat simulator: a fake WeChat server, deployed as its own WAR at {@code /wechat-sim}, that speaks
 * the real wire protocol (paths, parameter names, JSON fields, errcodes) so an unmodified WeChat SDK
 * pointed at it works. Built from the test sources, so the production WAR never contains it.
 *
 * <p>Sub-packages: {@code config} (apps and people from a properties file), {@code people}
 * (WeChat users and their derived openid/unionid), {@code oauth} (open.weixin.qq.com authorize and
 * api.weixin.qq.com/sns), {@code token} (server access tokens), {@code control} (test control API,
 * call counting, fault injection, push/scan/message/SMS controls), {@code web} (wire format, HTML
 * pages incl. the simulated phone, exception mapping), {@code qr} (parametric QR codes),
 * {@code mp} (mp.weixin.qq.com showqrcode), {@code push} (what people do to an official account
 * and the signed/encrypted push to the developer server), {@code message} (customer-service
 * messages, their windows, each person's inbox).
 */
package io.wxbind.simulator;
