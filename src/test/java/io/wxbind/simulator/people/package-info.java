/**
 * The simulated WeChat users ("people"), their deterministic openids/unionids, their phone numbers
 * (for mini programs) and which official
 * accounts they follow. Configured people survive a reset; people created at run time do not.
 */
package io.wxbind.simulator.people;
