/**
 * Wire format and browser pages of the simulator: WeChat's errcode JSON (HTTP 200,
 * {@code application/json; encoding=utf-8}, errmsg with a {@code , rid: ...} suffix), lenient query
 * parsing, HTML pages, the "choose who you are" page, and one exception mapper that turns any
 * failure into the host's own error shape instead of a stack trace.
 */
package io.wxbind.simulator.web;
