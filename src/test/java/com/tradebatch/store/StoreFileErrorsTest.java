package com.tradebatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tradebatch.support.TestEnvironment;

/** A store file that is not a database, or a data folder that is a file: one line naming the store and the file. */
class StoreFileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aBatchStoreThatIsNotADatabaseIsNamedInOneLine() throws Exception {
        Path batch = dir.resolve("data/batch.db");
        Files.createDirectories(batch.getParent());
        Files.writeString(batch, "this is not a database, just some text garbage\n".repeat(200));

        TestEnvironment.Result result = new TestEnvironment(dir).run("run", "db-stats");

        assertOneClearLine(result, "batch store", batch.toString(), "not a database");
    }

    @Test
    void aTradingSystemStoreThatIsNotADatabaseIsNamedInOneLine() throws Exception {
        Path analytics = dir.resolve("data/analytics.db");
        Files.createDirectories(analytics.getParent());
        Files.writeString(analytics, "garbage\n".repeat(1000));

        TestEnvironment.Result result = new TestEnvironment(dir).run("run", "db-stats");

        assertOneClearLine(result, "analytics store", analytics.toString(), "not a database");
    }

    @Test
    void aDataFolderThatIsARegularFileIsNamedInOneLine() throws Exception {
        Path data = dir.resolve("data");
        Files.writeString(data, "a file where the data folder should be\n");

        TestEnvironment.Result result = new TestEnvironment(dir).run("run", "db-stats");

        assertOneClearLine(result, "store", data.toString(), "is a file, not a folder");
    }

    private static void assertOneClearLine(TestEnvironment.Result result, String... named) {
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        String output = result.out() + result.err();
        assertThat(result.err().lines().filter(l -> l.startsWith("tradebatch: ")).toList()).as(result.toString())
                .singleElement().satisfies(line -> assertThat(line).contains(named));
        assertThat(output).as(result.toString()).doesNotContain("Error creating bean", "Exception", "\tat ", "cause:");
    }
}
