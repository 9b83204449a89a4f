/**
 * A sample existing portal, built as its own WAR ({@code wxbind-portal.war}, context root
 * {@code /portal}) from the test sources: its own form login (Soteria's
 * {@code @FormAuthenticationMechanismDefinition}), its own users and identity store, its own
 * JAX-RS application, plus {@code wxbind-classes.jar} and {@link io.wxbind.portal.PortalWeChatDefinition},
 * nothing else of WxBind. The README's "Add WxBind to your portal" steps are what it does.
 */
package io.wxbind.portal;
