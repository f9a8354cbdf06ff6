package com.tradebatch.market;

import java.nio.file.Path;
import java.util.List;

import com.tradebatch.common.InputFiles;

/**
 * One run's job parameters made sense of: the options and the checked files. Built once per step (step
 * scope) and shared by the plan tasklet, the reader and the progress listener.
 */
public class CandleImportRequest {

    private final CandleImportOptions options;
    private final List<CandleFilePlan> files;

    public CandleImportRequest(String file, CandleImportOptions options, Path baseDir) {
        this.options = options;
        this.files = new CandleFileInspector(options).inspect(InputFiles.resolve("file", file, baseDir));
    }

    public CandleImportOptions options() {
        return options;
    }

    public List<CandleFilePlan> files() {
        return files;
    }
}
