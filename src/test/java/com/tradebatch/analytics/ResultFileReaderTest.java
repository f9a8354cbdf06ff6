package com.tradebatch.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.tradebatch.common.RejectedLineException;

/** The result file reader alone: format detection, multi-line CSV values, line numbers, restart position. */
class ResultFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsBothFormatsAcrossFilesAndRestartsAfterTheSavedLine() throws Exception {
        String big = "x".repeat(20_000);
        Path a = Files.writeString(dir.resolve("a-results"), // no extension: the first character decides
                "{\"symbol\":\"A\",\"pattern_data\":{\"blob\":\"" + big + "\"}}\n\n{\"symbol\":\"B\"}\n");
        Path b = Files.writeString(dir.resolve("b.csv"),
                "Symbol,Note\nC,\"two\nlines, \"\"quoted\"\"\"\nD,plain\nE\n");
        ResultFileReader reader = new ResultFileReader(List.of(a, b), "auto", Set.of("symbol"));
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            InputRecord r = reader.read();
            seen.add(r.values().get("symbol").asString() + "@" + r.lineNumber());
        }
        assertThat(seen).containsExactly("A@1", "B@3", "C@2", "D@4");
        reader.update(ctx);
        assertThatThrownBy(reader::read).isInstanceOf(RejectedLineException.class)
                .satisfies(e -> assertThat(((RejectedLineException) e).lineNumber()).isEqualTo(5))
                .hasMessageContaining("1 values for the header's 2 columns");
        assertThat(reader.read()).isNull();
        reader.close();

        ResultFileReader again = new ResultFileReader(List.of(a, b), "auto", Set.of("symbol"));
        again.open(ctx); // continues after D (line 4 of b.csv), header known
        assertThatThrownBy(again::read).isInstanceOf(RejectedLineException.class);
        assertThat(again.read()).isNull();
        again.close();

        InputRecord c = new ResultFileReader(List.of(b), "csv", Set.of()).read();
        assertThat(c.values().get("note").asString()).isEqualTo("two\nlines, \"quoted\"");
    }
}
