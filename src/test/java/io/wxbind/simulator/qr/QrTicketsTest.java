package io.wxbind.simulator.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.wxbind.simulator.SimClock;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrTicketsTest {

    private static final String APP = "wx1a2b3c4d5e6f7a8b";
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private final QrTickets tickets = new QrTickets(clock);

    private QrCode create(QrAction action, long id, String str, int expire) {
        QrTickets.Created created = tickets.create(APP, new QrRequest(action, id, str, expire));
        assertEquals(0, created.errcode());
        return created.code();
    }

    @Test
    void createWhenTemporaryThenWeChatShapedTicketAndUrlUntilExpiry() {
        QrCode code = create(QrAction.QR_STR_SCENE, 0, "bind:n0nce", 300);
        assertTrue(code.url().matches("http://weixin\\.qq\\.com/q/[A-Za-z0-9]{22}"), code.url());
        byte[] raw = Base64.getDecoder().decode(code.ticket());
        assertEquals((byte) 0x81, raw[0]);
        assertTrue(new String(raw, StandardCharsets.ISO_8859_1).contains(code.url() + "\0"), "the ticket carries the URL");
        assertEquals("qrscene_bind:n0nce", code.subscribeEventKey());
        assertEquals(code, tickets.valid(code.ticket()).orElseThrow());
        clock.advance(Duration.ofSeconds(299));
        assertTrue(tickets.valid(code.ticket()).isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(tickets.valid(code.ticket()).isEmpty());
        assertTrue(tickets.find(code.ticket()).orElseThrow().expiredAt(clock.instant()), "still known as expired");
    }

    @Test
    void createWhenPermanentSceneAgainThenSameCodeWithoutExpiry() {
        QrCode first = create(QrAction.QR_LIMIT_SCENE, 42, null, 60);
        assertNull(first.expiresAt());
        assertEquals(first, create(QrAction.QR_LIMIT_SCENE, 42, null, 60));
        assertNotEquals(first, create(QrAction.QR_LIMIT_STR_SCENE, 0, "42", 60));
        clock.advance(Duration.ofDays(400));
        assertTrue(tickets.valid(first.ticket()).isPresent());
    }

    @Test
    void lookupWhenTicketShowQrCodeUrlOrQrContentThenSameCode() {
        QrCode code = create(QrAction.QR_SCENE, 7, null, 60);
        assertEquals(code, tickets.lookup(code.ticket()).orElseThrow());
        assertEquals(code, tickets.lookup(" " + code.url() + " ").orElseThrow());
        assertEquals(code, tickets.lookup(code.url().replace("http://", "https://")).orElseThrow());
        String showUrl = "http://localhost:8080/wechat-sim/mp/cgi-bin/showqrcode?ticket="
                + URLEncoder.encode(code.ticket(), StandardCharsets.UTF_8);
        assertEquals(code, tickets.lookup(showUrl).orElseThrow());
        assertTrue(tickets.lookup("nothing").isEmpty());
        QrCode newer = create(QrAction.QR_SCENE, 8, null, 30);
        assertEquals(java.util.List.of(newer, code), tickets.recent(APP, 5));
        assertEquals(java.util.List.of(newer), tickets.recent(APP, 1));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(java.util.List.of(code), tickets.recent(APP, 5), "expired codes are not offered");
        assertTrue(tickets.recent("wxother", 5).isEmpty());
        assertTrue(tickets.lookup(null).isEmpty());
    }

    @Test
    void createWhenDailyQuotaUsedThen45009UntilNextDayAndResetForgetsAll() {
        QrTickets limited = new QrTickets(clock, 2);
        QrRequest request = new QrRequest(QrAction.QR_SCENE, 1, null, 60);
        QrCode code = limited.create(APP, request).code();
        limited.create(APP, request);
        assertEquals(45009, limited.create(APP, request).errcode());
        assertEquals(0, limited.create("wxother", request).errcode(), "the quota is per app");
        clock.advance(Duration.ofDays(1));
        assertEquals(0, limited.create(APP, request).errcode());
        limited.reset();
        assertTrue(limited.find(code.ticket()).isEmpty());
    }

    @Test
    void jpegWhenDecodedWithZxingThenTheCodeUrl() throws Exception {
        QrCode code = create(QrAction.QR_STR_SCENE, 0, "bind:abc", 60);
        byte[] jpeg = QrImages.jpeg(code.url());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, Arrays.copyOf(jpeg, 2), "JPEG magic");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(QrImages.SIZE, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertEquals(code.url(), decoded);
        assertFalse(decoded.contains(code.ticket()));
    }
}
