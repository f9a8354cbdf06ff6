package com.tradebatch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.tradebatch.launch.ExitCode;
import com.tradebatch.launch.StoreHealth;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code health}: the database block of the trading system's {@code /api/system/info} ({@link StoreHealth}), as JSON. */
@Component
class HealthCommand implements Command {

    private final StoreHealth health;

    HealthCommand(StoreHealth health) {
        this.health = health;
    }

    @Override
    public int execute(List<String> args, PrintStream out) {
        Map<String, Object> body = health.report();
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(body));
        return StoreHealth.healthy(body) ? ExitCode.OK : ExitCode.FAILED;
    }
}
