package com.tradebatch.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a {@code file=} parameter names: one file, every file of a folder, or a glob ({@code data/*.csv}),
 * in name order so that a restart meets the files in the same order.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** @throws IllegalArgumentException naming the parameter when nothing matches */
    public static List<Path> resolve(String parameter, String spec, Path baseDir) {
        boolean glob = spec.contains("*") || spec.contains("?") || spec.contains("[") || spec.contains("{");
        if (!glob) {
            Path p = baseDir.resolve(spec).normalize();
            if (Files.isRegularFile(p)) {
                return List.of(p);
            }
            if (Files.isDirectory(p)) {
                List<Path> files = list(p, f -> true);
                if (files.isEmpty()) {
                    throw new IllegalArgumentException(parameter + "=" + spec + ": the folder " + p + " has no files");
                }
                return files;
            }
            throw new IllegalArgumentException(parameter + "=" + spec + ": no such file or folder (" + p + ")");
        }
        // the glob applies to file names in the folder part of the pattern, which must not itself be a pattern
        Path pattern = baseDir.resolve(spec).normalize();
        Path dir = pattern.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(parameter + "=" + spec + ": no such folder " + dir);
        }
        List<Path> files = list(dir, f -> matcher.matches(f.getFileName()));
        if (files.isEmpty()) {
            throw new IllegalArgumentException(parameter + "=" + spec + ": no file matches");
        }
        return files;
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(keep)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
