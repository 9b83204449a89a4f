package io.wxbind.qr;

/**
 * What the phone's confirm page asks, in words: {@code question} names the browser or the
 * (masked) account, {@code detail} says what a confirmation does.
 */
public record ConfirmQuestion(String sceneId, QrScene.Purpose purpose, String title, String question, String detail) {
}
