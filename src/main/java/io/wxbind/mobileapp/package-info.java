/**
 * Mobile-app login: the WeChat SDK's authorization code (scope {@code snsapi_userinfo}) →
 * {@code sns/oauth2/access_token} with the mobile app's appid and secret → its openid and, for an
 * app in an open-platform account, the unionid → an API token when the person is known (by this
 * app's openid, or by the unionid from the official account, the mini program or the website), else
 * a bind ticket for {@code POST /api/wechat/miniprogram/bind}. Reuses the mini-program package's
 * single-use codes, tickets and answers.
 */
package io.wxbind.mobileapp;
