/**
 * Parametric QR codes of official accounts (protocol §5): {@code qrcode/create} with its
 * validation rules, the issued tickets (temporary and permanent, by ticket and by URL) and the
 * {@code showqrcode} image drawn with ZXing.
 */
package io.wxbind.simulator.qr;
