package io.wxbind.simulator.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.simulator.RandomIds;
import org.junit.jupiter.api.Test;

class QrImagesTest {

    @Test
    void jpegWhenManyRandomCodeUrlsThenEachReadsBackWithZxingDefaults() {
        // Without the mask retry about 1 in 10 of these fails to read (ZXing 3.5.4, level M).
        for (int i = 0; i < 150; i++) {
            String url = QrTickets.URL_PREFIX + RandomIds.alphanumeric(22);
            assertEquals(url, QrImages.read(QrImages.jpeg(url)), url);
        }
    }
}
