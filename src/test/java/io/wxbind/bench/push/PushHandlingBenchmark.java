package io.wxbind.bench.push;

import io.wxbind.config.PushConfig;
import io.wxbind.push.AcceptedPush;
import io.wxbind.push.ClickEvent;
import io.wxbind.push.OtherPushEvent;
import io.wxbind.push.PushDispatcher;
import io.wxbind.push.PushResponse;
import io.wxbind.push.ScanEvent;
import io.wxbind.push.SubscribeEvent;
import io.wxbind.push.TextMessageEvent;
import io.wxbind.push.UnsubscribeEvent;
import io.wxbind.push.ViewEvent;
import io.wxbind.push.WeChatPushEvent;
import io.wxbind.push.WeChatPushHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * P4: one incoming safe-mode push per operation, ours against WxJava on identical requests from
 * {@link PushCorpus}.
 *
 * <ul>
 * <li>{@code wxbind}: {@code handler.app(appId)} and {@link WeChatPushHandler#receive}, exactly what
 * the servlet calls with the raw query and body: query parsing, {@code signature} and the timestamp window, mode check, envelope
 * StAX parse, {@code msg_signature}, AES-CBC with the appid check, StAX parse of the message,
 * mapping to the typed event, and the two SHA-256 digests the dedupe keys need. Only the
 * PostgreSQL step ({@link PushDispatcher}: replay table and message dedupe, a database round
 * trip) is left out, replaced by {@link NoDatabase}; reading the body off the socket is left out
 * on both sides.
 * <li>{@code wxjava}: {@code WxMpXmlMessage.fromEncryptedXml} (DOM envelope, {@code msg_signature},
 * AES, XStream). It checks neither {@code signature} nor the timestamp, nor the appid inside
 * the cipher text, so ours does strictly more work per push.
 * </ul>
 *
 * {@link #setUp} proves that both decode every push to the same sender, type, event, key and
 * content, and throws otherwise. Our clock is fixed at the pushes' timestamp, so the window holds
 * however long a run is configured to take.
 *
 * <p>Besides JMH's ops/s, each measured iteration records the benchmark thread's own CPU time
 * ({@link CpuSample}): on a shared machine with a load average above its core count, wall-clock
 * throughput mostly measures the neighbours, and operations per CPU-second still compares the two
 * sides (it leaves out GC and JIT threads, which favours the side that allocates more).
 */
@State(Scope.Thread)
public class PushHandlingBenchmark {

    /** A power of two, so the next message is {@code (i + 1) & MASK}. */
    static final int MESSAGES = 32;
    private static final int MASK = MESSAGES - 1;

    private WeChatPushHandler handler;
    private NoDatabase dispatcher;
    private WxMpDefaultConfigImpl wxJavaConfig;
    private List<PushCorpus.Push> pushes;
    private int next;
    private long ops;
    private long cpuAtStart;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Measured iterations of every run in this JVM, drained by {@link PushBench}. */
    static final Queue<CpuSample> CPU = new ConcurrentLinkedQueue<>();

    /** One measured iteration of one side: operations done and the benchmark thread's CPU time for them. */
    record CpuSample(String method, long ops, long cpuNanos) {
        double opsPerCpuSecond() {
            return cpuNanos == 0 ? 0 : ops * 1e9 / cpuNanos;
        }
    }

    /**
     * Stands in for the PostgreSQL step, which P4 does not measure: keeps the accepted push so its
     * event reaches the Blackhole, and answers "seen before" (so nothing is fired to CDI).
     */
    static final class NoDatabase extends PushDispatcher {
        private static final Outcome SEEN = new Outcome(false, Optional.empty());
        AcceptedPush last;

        @Override
        public Outcome dispatch(AcceptedPush push) {
            last = push;
            return SEEN;
        }
    }

    /** The fields both sides are compared on; {@code extra} is the Ticket of a QR event or a text's Content. */
    record Decoded(String from, String msgType, String event, String key, String extra) {
    }

    @Setup(Level.Trial)
    public void setUp() {
        long now = Instant.now().getEpochSecond();
        pushes = PushCorpus.build(MESSAGES, now);
        dispatcher = new NoDatabase();
        handler = handler(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC), dispatcher);
        wxJavaConfig = new WxMpDefaultConfigImpl();
        wxJavaConfig.setAppId(PushCorpus.APP_ID);
        wxJavaConfig.setToken(PushCorpus.TOKEN);
        wxJavaConfig.setAesKey(PushCorpus.AES_KEY);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            Decoded ours = decoded(wxbindOnce(i));
            Decoded theirs = decoded(wxjavaOnce(i));
            if (!ours.equals(theirs)) {
                differences.add("push " + i + ": ours " + ours + ", WxJava " + theirs);
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the two sides decode differently, so they would not be compared fairly:\n"
                    + String.join("\n", differences));
        }
        next = 0;
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        ops = 0;
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void endIteration(BenchmarkParams benchmark, IterationParams iteration) {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        if (iteration.getType() == IterationType.MEASUREMENT) {
            String name = benchmark.getBenchmark();
            CPU.add(new CpuSample(name.substring(name.lastIndexOf('.') + 1), ops, cpu));
        }
    }

    /** Returns the typed event the handler produced (JMH sinks return values into its Blackhole). */
    @Benchmark
    public WeChatPushEvent wxbind() {
        ops++;
        int i = next;
        next = (i + 1) & MASK;
        return wxbindOnce(i);
    }

    @Benchmark
    public WxMpXmlMessage wxjava() {
        ops++;
        int i = next;
        next = (i + 1) & MASK;
        return wxjavaOnce(i);
    }

    private WeChatPushEvent wxbindOnce(int i) {
        PushCorpus.Push p = pushes.get(i);
        PushResponse response = handler.receive(handler.app(PushCorpus.APP_ID), p.rawQuery(), p.body());
        if (response.status() != 200) {
            throw new IllegalStateException("push " + i + " answered " + response);
        }
        return dispatcher.last.event();
    }

    private WxMpXmlMessage wxjavaOnce(int i) {
        PushCorpus.Push p = pushes.get(i);
        return WxMpXmlMessage.fromEncryptedXml(p.envelope(), wxJavaConfig, p.timestamp(), p.nonce(), p.msgSignature());
    }

    /** Wired as CDI would, through the package-private injection points (the bench lives outside the package). */
    static WeChatPushHandler handler(Clock clock, PushDispatcher dispatcher) {
        List<String> problems = new ArrayList<>();
        Map<String, String> config = Map.of("wechat.push.app-ids", PushCorpus.APP_ID,
                "wechat.push." + PushCorpus.APP_ID + ".token", PushCorpus.TOKEN,
                "wechat.push." + PushCorpus.APP_ID + ".aes-key", PushCorpus.AES_KEY,
                "wechat.push." + PushCorpus.APP_ID + ".mode", "aes");
        PushConfig push = PushConfig.read(k -> Optional.ofNullable(config.get(k)), PushCorpus.APP_ID, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        WeChatPushHandler h = new WeChatPushHandler();
        inject(h, "config", push);
        inject(h, "dispatcher", dispatcher);
        inject(h, "clock", clock);
        return h;
    }

    private static void inject(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("WeChatPushHandler." + field + " changed; update the P4 bench", e);
        }
    }

    static Decoded decoded(WeChatPushEvent e) {
        if (e instanceof SubscribeEvent s) {
            return new Decoded(s.openId(), "event", "subscribe", s(s.sceneKey()), s(s.ticket()));
        } else if (e instanceof ScanEvent s) {
            return new Decoded(s.openId(), "event", "scan", s(s.sceneKey()), s(s.ticket()));
        } else if (e instanceof ClickEvent c) {
            return new Decoded(c.openId(), "event", "click", s(c.eventKey()), "");
        } else if (e instanceof ViewEvent v) {
            return new Decoded(v.openId(), "event", "view", s(v.url()), "");
        } else if (e instanceof UnsubscribeEvent u) {
            return new Decoded(u.openId(), "event", "unsubscribe", "", "");
        } else if (e instanceof TextMessageEvent t) {
            return new Decoded(t.openId(), "text", "", "", t.content());
        }
        OtherPushEvent o = (OtherPushEvent) e;
        return new Decoded(o.openId(), o.msgType(), lower(o.event()), "", "");
    }

    /** WxJava's fields in the same terms: a follow's {@code qrscene_} prefix dropped, as ours does. */
    static Decoded decoded(WxMpXmlMessage m) {
        String event = lower(m.getEvent());
        String key = s(m.getEventKey());
        return switch (event) {
            case "subscribe" -> new Decoded(m.getFromUser(), m.getMsgType(), event, key.replaceFirst("^qrscene_", ""), s(m.getTicket()));
            case "scan" -> new Decoded(m.getFromUser(), m.getMsgType(), event, key, s(m.getTicket()));
            case "click", "view" -> new Decoded(m.getFromUser(), m.getMsgType(), event, key, "");
            case "unsubscribe" -> new Decoded(m.getFromUser(), m.getMsgType(), event, "", "");
            default -> new Decoded(m.getFromUser(), m.getMsgType(), event, "", "text".equals(m.getMsgType()) ? s(m.getContent()) : "");
        };
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
