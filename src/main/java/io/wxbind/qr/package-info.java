/**
 * Parametric-QR flows (protocol §5, §13 flow A): a logged-in user binds WeChat by scanning a
 * temporary QR; a desktop browser logs in by scanning one. A scan does nothing by itself: the
 * scanner confirms on the phone through a one-time link that re-checks their openid with WeChat
 * ({@link io.wxbind.qr.QrScanHandler}, {@link io.wxbind.qr.QrConfirmService}). Scenes live in
 * PostgreSQL (single use, expiring, creation capped), the scan arrives as a push on any node, and
 * the page learns each step by Server-Sent Events fed from the database (streams capped per
 * browser and node), so no node-local state is involved beyond the open streams themselves.
 */
package io.wxbind.qr;
