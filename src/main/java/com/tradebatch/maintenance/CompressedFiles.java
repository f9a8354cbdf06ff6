package com.tradebatch.maintenance;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads a file that may be gzipped (backups, dumps): recognised by its first two bytes, whatever its name. */
public final class CompressedFiles {

    private static final int GZIP_MAGIC = 0x8b1f;

    private CompressedFiles() {
    }

    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        try {
            in.mark(2);
            int magic = in.read() | (in.read() << 8);
            in.reset();
            return magic == GZIP_MAGIC ? new GZIPInputStream(in) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
