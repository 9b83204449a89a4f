/**
 * Outbound WeChat HTTP: the client, the wire records and the exceptions that errcode bodies
 * and network failures become. See {@code wechat-protocol.md} §0 (conventions) and §1.3–1.5.
 */
package io.wxbind.wechat;
