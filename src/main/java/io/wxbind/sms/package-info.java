/**
 * SMS-code verification for the bind page (flow step 4): a person whose WeChat is not bound
 * yet proves they own a local account by the phone number on it, instead of a password.
 *
 * <pre>
 *  Browser (bind page)                 WxBind                                       phone
 *  1. POST /wechat/sms/send ------> bind ticket of this browser? (else 400 ticket_invalid)
 *     ticket, phone                 PhoneNumbers: +8613800000001 (else 400 phone_invalid)
 *  2.                               PhoneAccountResolver: which account has it (answer is not shown)
 *  3.                               phone or address blocked for guessing? (else 429 + wait, JSON)
 *                                   PostgreSQL, locked per phone and IP: throttles (else 429 + wait),
 *                                   send log row, code row replaced: HMAC(pepper, phone, code) and
 *                                   the ticket's hash, 5 min
 *  4.  <-------------------------- 200 {"sent":true,...}  (same answer for a phone with no account)
 *  5.                               after commit, only for a known phone: SmsSender ------> SMS
 *  6. POST /wechat/bind ----------> guessing limits and the ticket's try first (BindFormEntry), then
 *     ticket, phone, code           SmsBindProof: SmsCodeService.verify(phone, code, ticket): row
 *                                   locked, another ticket's code is no code, 5 wrong tries burn it,
 *                                   a match deletes it → caller name → bind → logged in
 * </pre>
 *
 * Only hashes of codes are stored; throttles live in PostgreSQL so every node counts the same
 * sends. {@link io.wxbind.sms.SmsSender} and {@link io.wxbind.sms.PhoneAccountResolver} are the
 * portal's plug points; without any {@code SmsSender} bean the feature is simply off.
 */
package io.wxbind.sms;
