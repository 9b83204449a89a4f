package io.wxbind.bench.web;

/** A simulated WeChat user whose openid is bound to {@code account}. */
public record BoundPerson(String personId, String account) {
}
