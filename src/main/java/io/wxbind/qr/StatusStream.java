package io.wxbind.qr;

/**
 * One open Server-Sent-Events stream, whatever carries it: JAX-RS ({@code SseEventSink}) for
 * the bind page under {@code /api}, a servlet's async response for the QR login page (which
 * needs no JAX-RS application). {@link QrSceneWatcher} feeds it.
 */
public interface StatusStream {

    /** Sends one event; false when the client has gone (the stream is then closed). */
    boolean send(String event, String data);

    /** A comment line, so that a client that has gone is noticed even while nothing changes. */
    boolean ping();

    void close();

    boolean isClosed();
}
