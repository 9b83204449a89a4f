/**
 * The demo portal: its JAX-RS application, password identity store, seeded accounts and
 * pages. WAR-only: kept out of the classes jar, where the host portal owns these roles.
 */
package io.wxbind.demo;
