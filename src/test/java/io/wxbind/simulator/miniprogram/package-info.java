/**
 * Mini-program login (protocol §3): {@code sns/jscode2session} with its {@code wx.login} codes and
 * session keys, {@code wxa/checksession}, the phone number by button code
 * ({@code wxa/business/getuserphonenumber}) and the legacy encrypted phone data, plus the
 * on-demand risk and rate-limit answers (40226, 45011). Codes live in {@code oauth.AuthCodes}
 * stores of their own, ids come from {@code people.IdDerivation} like every other app's.
 */
package io.wxbind.simulator.miniprogram;
