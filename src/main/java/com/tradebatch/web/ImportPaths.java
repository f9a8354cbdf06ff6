package com.tradebatch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.tradebatch.common.JobSpec;
import com.tradebatch.common.ParameterSpec;
import com.tradebatch.common.ParameterType;
import com.tradebatch.common.WorkPaths;

/**
 * Confines every path parameter given over HTTP ({@code file=}) to the import folders
 * ({@code TRADEBATCH_IMPORT_DIRS}): a path that leaves them, through {@code ../}, an absolute path or a symbolic
 * link, is refused (400) before anything runs. Paths are resolved the way the jobs resolve them (relative to the
 * working directory); for a glob the folder part is checked.
 */
@Component
@ConditionalOnWebApplication
class ImportPaths {

    private final WorkPaths paths;
    private final ApiProperties props;

    ImportPaths(WorkPaths paths, ApiProperties props) {
        this.paths = paths;
        this.props = props;
    }

    List<Path> roots() {
        return props.importDirs().stream().map(paths::resolve).map(ImportPaths::real).toList();
    }

    void check(JobSpec spec, Map<String, String> values) {
        for (ParameterSpec p : spec.parameters()) {
            String value = values.get(p.name());
            if (p.type() == ParameterType.PATH && value != null) {
                check(p.name(), value);
            }
        }
    }

    private void check(String parameter, String value) {
        Path target;
        try {
            target = paths.baseDir().resolve(value).normalize().toAbsolutePath();
        } catch (InvalidPathException e) {
            throw refuse(parameter, value);
        }
        boolean glob = value.contains("*") || value.contains("?") || value.contains("[") || value.contains("{");
        Path checked = real(glob ? target.getParent() : target);
        if (value.contains("..") || roots().stream().noneMatch(checked::startsWith)) {
            throw refuse(parameter, value);
        }
    }

    private ApiProblem refuse(String parameter, String value) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "parameter " + parameter + ": '" + value
                + "' is outside the import folders " + props.importDirs() + " (TRADEBATCH_IMPORT_DIRS)", parameter);
    }

    /** The path with symbolic links resolved as far as it exists. */
    private static Path real(Path p) {
        if (p == null) {
            return Path.of("/");
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p)).normalize();
        } catch (IOException e) {
            return p;
        }
    }
}
