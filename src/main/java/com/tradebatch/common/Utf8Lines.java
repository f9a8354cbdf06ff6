package com.tradebatch.common;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The lines of a UTF-8 text file, decoded one line at a time by a decoder that reports malformed input: a byte
 * that is not UTF-8 spoils only its own line, which comes back marked with the line number and the offending
 * byte (a rejected line for the caller), and the lines after it still read. A byte order mark before the first
 * line is dropped. Lines end at {@code \n}; a {@code \r} before it is dropped.
 */
public final class Utf8Lines implements Closeable {

    /**
     * One line. {@code malformed} is null when the line decoded, else why not; {@code text} is then the line
     * with the bad bytes replaced, for the reject file only.
     */
    public record Line(long number, String text, String malformed) {
        public boolean isMalformed() {
            return malformed != null;
        }
    }

    private static final int BUFFER_BYTES = 1 << 16;
    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private long number;
    private long bytesRead;
    private boolean eof;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    public Utf8Lines(InputStream in) {
        this.in = in;
    }

    public static Utf8Lines open(Path file) throws IOException {
        return new Utf8Lines(Files.newInputStream(file));
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++; // the \n
                break;
            }
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        number++;
        return decode();
    }

    /** Number of the last line returned (1-based), 0 before the first. */
    public long lineNumber() {
        return number;
    }

    /** Bytes taken from the file so far (read ahead included), for progress. */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer);
        if (n <= 0) {
            eof = n < 0;
            position = limit = 0;
            return !eof && fill();
        }
        bytesRead += n;
        position = 0;
        limit = n;
        return true;
    }

    private void append(int start, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(buffer, start, line, lineLength, length);
        lineLength += length;
    }

    private Line decode() {
        if (isAscii()) { // the common case (exchange files): no decoder needed
            return new Line(number, new String(line, 0, lineLength, StandardCharsets.ISO_8859_1), null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
        CharBuffer chars = CharBuffer.allocate(lineLength); // UTF-8 never decodes to more chars than bytes
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            String why = String.format(Locale.ROOT, "byte 0x%02X at byte %d of the line is not UTF-8", line[at] & 0xFF,
                    at + 1);
            return new Line(number, withoutBom(new String(line, 0, lineLength, StandardCharsets.UTF_8)), why);
        }
        chars.flip();
        return new Line(number, withoutBom(chars.toString()), null);
    }

    private boolean isAscii() {
        for (int i = 0; i < lineLength; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private String withoutBom(String text) {
        return number == 1 && !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}
