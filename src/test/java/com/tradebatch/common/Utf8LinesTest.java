package com.tradebatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Line splitting across buffer refills, CRLF, the BOM, and a bad byte that spoils only its own line. */
class Utf8LinesTest {

    @Test
    void linesBomCrlfLongLinesAndABadByte() throws Exception {
        String longLine = "é".repeat(70_000); // two bytes each: spans several 64 KiB buffers
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(("a,b\r\n" + longLine + "\n\nx").getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xE2, (byte) 0x82}); // a truncated three-byte sequence
        bytes.write("y\nlast".getBytes(StandardCharsets.UTF_8));
        List<Utf8Lines.Line> lines = new ArrayList<>();
        try (Utf8Lines in = new Utf8Lines(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (Utf8Lines.Line l = in.next(); l != null; l = in.next()) {
                lines.add(l);
            }
        }
        assertThat(lines).extracting(Utf8Lines.Line::number).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(lines.get(0).text()).isEqualTo("a,b");
        assertThat(lines.get(1).text()).isEqualTo(longLine);
        assertThat(lines.get(2).text()).isEmpty();
        assertThat(lines.get(3).malformed()).isEqualTo("byte 0xE2 at byte 2 of the line is not UTF-8");
        assertThat(lines.get(4).text()).isEqualTo("last");
        assertThat(lines).filteredOn(Utf8Lines.Line::isMalformed).hasSize(1);
    }
}
