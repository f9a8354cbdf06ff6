package com.tradebatch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;
import org.springframework.core.io.FileSystemResource;

import com.tradebatch.analytics.InputRecord;
import com.tradebatch.analytics.MlResultValidator;
import com.tradebatch.analytics.ResultFileReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Run by bench/readers.sh, not a test: the same ml_model_results file (JSON Lines, then CSV) read to
 * {@link InputRecord}s by the hand-written {@link ResultFileReader} and by Spring Batch's {@link FlatFileItemReader}
 * (UTF-8, a line mapper doing the same parse: Jackson for a JSON line, {@link DelimitedLineTokenizer} under the
 * header for CSV, {@link DefaultRecordSeparatorPolicy} for quoted values over several lines). Each reader runs
 * alternately, best of {@code rounds}, after a warm-up pass; prints lines/s and the ratio.
 */
public final class ResultFileReaderBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int lines = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path jsonl = dir.resolve("ml-results.jsonl");
        Path csv = dir.resolve("ml-results.csv");
        write(jsonl, csv, lines);
        System.out.printf("%,d lines each, best of %d rounds (after one warm-up)%n", lines, rounds);
        compare("jsonl", jsonl, lines, rounds, () -> flatJsonl(jsonl));
        compare("csv", csv, lines, rounds, () -> flatCsv(csv));
    }

    private static void compare(String label, Path file, int lines, int rounds,
            Supplier<ItemStreamReader<InputRecord>> flat) throws Exception {
        Supplier<ItemStreamReader<InputRecord>> ours =
                () -> new ResultFileReader(List.of(file), "auto", Set.copyOf(MlResultValidator.REQUIRED));
        count(ours.get());
        count(flat.get());
        long bestOurs = Long.MAX_VALUE;
        long bestFlat = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            bestOurs = Math.min(bestOurs, time(ours.get(), lines));
            bestFlat = Math.min(bestFlat, time(flat.get(), lines));
        }
        System.out.printf("%-5s ResultFileReader  %7.0f ms  %,10.0f lines/s%n", label, bestOurs / 1e6, lines / (bestOurs / 1e9));
        System.out.printf("%-5s FlatFileItemReader %6.0f ms  %,10.0f lines/s%n", label, bestFlat / 1e6, lines / (bestFlat / 1e9));
        System.out.printf("%-5s ratio FlatFileItemReader / ResultFileReader time: %.2f%n", label, (double) bestFlat / bestOurs);
    }

    private static long time(ItemStreamReader<InputRecord> reader, int expected) throws Exception {
        long start = System.nanoTime();
        long n = count(reader);
        long t = System.nanoTime() - start;
        if (n != expected) {
            throw new IllegalStateException("read " + n + " records, expected " + expected);
        }
        return t;
    }

    private static long count(ItemStreamReader<InputRecord> reader) throws Exception {
        reader.open(new ExecutionContext());
        long n = 0;
        try {
            while (reader.read() != null) {
                n++;
            }
        } finally {
            reader.close();
        }
        return n;
    }

    private static FlatFileItemReader<InputRecord> flatJsonl(Path file) {
        String name = file.toString();
        return new FlatFileItemReaderBuilder<InputRecord>().name("jsonl").resource(new FileSystemResource(file))
                .encoding(StandardCharsets.UTF_8.name()).strict(true)
                .lineMapper((line, number) -> {
                    JsonNode node = JSON.readTree(line);
                    Map<String, JsonNode> values = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> e : node.properties()) {
                        values.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
                    }
                    return new InputRecord(name, number, values, line);
                }).build();
    }

    private static FlatFileItemReader<InputRecord> flatCsv(Path file) {
        String name = file.toString();
        DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
        return new FlatFileItemReaderBuilder<InputRecord>().name("csv").resource(new FileSystemResource(file))
                .encoding(StandardCharsets.UTF_8.name()).strict(true)
                .linesToSkip(1)
                .skippedLinesCallback(header -> tokenizer.setNames(header.toLowerCase(Locale.ROOT).split(",")))
                .recordSeparatorPolicy(new DefaultRecordSeparatorPolicy())
                .lineMapper((line, number) -> {
                    FieldSet f = tokenizer.tokenize(line);
                    String[] names = f.getNames();
                    Map<String, JsonNode> values = new LinkedHashMap<>();
                    for (int i = 0; i < names.length; i++) {
                        String v = f.readRawString(i);
                        values.put(names[i], v.isEmpty() ? null : JsonNodeFactory.instance.stringNode(v));
                    }
                    return new InputRecord(name, number, values, line);
                }).build();
    }

    private static void write(Path jsonl, Path csv, int lines) throws IOException {
        try (BufferedWriter j = Files.newBufferedWriter(jsonl); BufferedWriter c = Files.newBufferedWriter(csv)) {
            c.write("model_name,model_version,symbol,interval,prediction_timestamp,prediction_type,predicted_value,"
                    + "confidence,prediction_data\n");
            String[] symbols = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"};
            for (int i = 0; i < lines; i++) {
                String symbol = symbols[i % symbols.length];
                long ts = 1_735_689_600L + i * 3600L;
                double value = 40_000 + (i % 1000) * 1.25;
                double confidence = (i % 100) / 100.0;
                j.write("{\"model_name\":\"lstm-price\",\"model_version\":\"2.1.0\",\"symbol\":\"" + symbol
                        + "\",\"interval\":\"1h\",\"prediction_timestamp\":" + ts
                        + ",\"prediction_type\":\"price\",\"predicted_value\":" + value + ",\"confidence\":" + confidence
                        + ",\"prediction_data\":{\"horizon\":\"1h\",\"features\":12}}\n");
                c.write("lstm-price,2.1.0," + symbol + ",1h," + ts + ",price," + value + "," + confidence
                        + ",\"{\"\"horizon\"\":\"\"1h\"\",\"\"features\"\":12}\"\n");
            }
        }
    }
}
