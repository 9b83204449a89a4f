/**
 * Who is calling: the client address behind trusted proxies, one resolver for every throttle
 * and the audit log. Depends on nothing else in WxBind.
 */
package io.wxbind.client;
