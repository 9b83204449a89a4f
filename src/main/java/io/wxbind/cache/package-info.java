/**
 * Neutral helpers for what a node may remember briefly of shared state in PostgreSQL (bearer
 * tokens, security stamps). Depends on nothing else in WxBind, so every module may use it.
 */
package io.wxbind.cache;
