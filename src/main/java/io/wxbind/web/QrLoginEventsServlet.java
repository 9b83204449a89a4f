package io.wxbind.web;

import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.qr.QrScene;
import io.wxbind.qr.QrSceneStore;
import io.wxbind.qr.QrSceneView;
import io.wxbind.qr.QrSceneWatcher;
import io.wxbind.qr.SseStreamLimits;
import io.wxbind.qr.StatusStream;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /wechat/qr-login/events?id=}: the QR login page's status as Server-Sent Events
 * ({@code pending}, {@code scanned} "confirm on your phone", then {@code confirmed},
 * {@code cancelled}, ...), for the browser that created the code only, within
 * {@link SseStreamLimits}. A plain async servlet, so the login page needs no JAX-RS application;
 * the page polls {@code /wechat/qr-login/status} if this fails.
 */
public class QrLoginEventsServlet extends HttpServlet {

    static final String PATH = "/wechat/qr-login/events";

    @Inject
    QrSceneStore scenes;

    @Inject
    QrSceneWatcher watcher;

    @Inject
    SseStreamLimits limits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<QrScene> scene = QrLoginServlet.ownLoginScene(scenes, request);
        if (scene.isEmpty()) {
            json(response, 404, "not_found", "No such QR login in this browser.");
            return;
        }
        SseStreamLimits.Admission admission = limits.acquire(BrowserBinding.hash(request).orElseThrow());
        if (admission instanceof SseStreamLimits.Refusal refused) {
            response.setHeader("Retry-After", "5");
            json(response, 429, refused.error(), refused.message());
            return;
        }
        SseStreamLimits.Permit permit = (SseStreamLimits.Permit) admission;
        try {
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no"); // a buffering proxy would hold the events back
            response.flushBuffer();
            AsyncContext async = request.startAsync();
            async.setTimeout(0); // the watcher ends the stream: final status, expiry, or the client gone
            ServletStream stream = new ServletStream(async);
            async.addListener(stream);
            String id = scene.get().id();
            watcher.stream(() -> QrSceneView.of(scenes.find(id).orElseThrow(), Instant.now()), stream, permit);
        } catch (RuntimeException | IOException e) {
            permit.release();
            throw e;
        }
    }

    private static void json(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(("{\"error\":\"" + error + "\",\"message\":\"" + message.replace("\"", "'") + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A {@link StatusStream} over the async response; the container's timeout or error ends it too. */
    static final class ServletStream implements StatusStream, AsyncListener {

        private final AsyncContext async;
        private final AtomicBoolean closed = new AtomicBoolean();

        ServletStream(AsyncContext async) {
            this.async = async;
        }

        @Override
        public boolean send(String event, String data) {
            return write("event: " + event + "\ndata: " + data + "\n\n");
        }

        @Override
        public boolean ping() {
            return write(": ping\n\n");
        }

        private synchronized boolean write(String text) {
            if (closed.get()) {
                return false;
            }
            try {
                OutputStream out = async.getResponse().getOutputStream();
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException | RuntimeException e) {
                close(); // the client went away
                return false;
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                try {
                    async.complete();
                } catch (IllegalStateException e) {
                    // the container already completed it (timeout, error)
                }
            }
        }

        @Override
        public boolean isClosed() {
            return closed.get();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            closed.set(true);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            close();
        }

        @Override
        public void onError(AsyncEvent event) {
            close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
