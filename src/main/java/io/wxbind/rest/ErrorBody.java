package io.wxbind.rest;

/** The one JSON error shape of every API: {@code {"error": code, "message": text}}. */
public record ErrorBody(String error, String message) {
}
