/**
 * Parametric-QR flows (protocol §5, §13 flow A): a logged-in user binds WeChat by scanning a
 * temporary QR; a desktop browser logs in by scanning one. Scenes live in PostgreSQL (single
 * use, expiring), the scan arrives as a push on any node, and the page learns the outcome by
 * Server-Sent Events fed from the database, so no node-local state is involved.
 */
package io.wxbind.qr;
