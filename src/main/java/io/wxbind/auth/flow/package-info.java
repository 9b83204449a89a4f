/**
 * The web-authorization flow (protocol §1, STYLE §5): authorize URL, signed state and
 * pending-login cookie (nothing stored when a login starts), used states and bind tickets in
 * PostgreSQL (any node can finish a flow another node started), browser binding, return-URL
 * policy; a {@link io.wxbind.auth.flow.Continuation} carries a feature's purpose (a bind link, a
 * QR confirm) through the flow by name only. Decides nothing about who the user is.
 */
package io.wxbind.auth.flow;
