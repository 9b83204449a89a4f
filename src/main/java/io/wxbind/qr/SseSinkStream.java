package io.wxbind.qr;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** A {@link StatusStream} over a JAX-RS {@link SseEventSink}. */
final class SseSinkStream implements StatusStream {

    private final SseEventSink sink;
    private final Sse sse;

    SseSinkStream(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public boolean send(String event, String data) {
        return write(() -> sink.send(sse.newEventBuilder().name(event).data(data).build()).toCompletableFuture().join());
    }

    @Override
    public boolean ping() {
        return write(() -> sink.send(sse.newEventBuilder().comment("ping").build()).toCompletableFuture().join());
    }

    private boolean write(Runnable send) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            send.run();
            return true;
        } catch (RuntimeException e) {
            close(); // the client went away
            return false;
        }
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already broken: nothing left to close
        }
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }
}
