/**
 * Server-rendered pages of the WeChat flow (callback, bind form, problems, error pages). They
 * render what the mechanism decided ({@code FlowOutcome}); they decide nothing themselves. Also
 * the CSRF filter (answers what {@code OriginCheck} refused) and the start-up cookie settings.
 * Part of the classes jar, so a portal that plugs the mechanism in gets them too.
 */
package io.wxbind.web;
