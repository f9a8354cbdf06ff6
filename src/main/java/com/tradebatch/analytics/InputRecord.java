package com.tradebatch.analytics;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One record of a result file (a JSON Lines object or a CSV row under its header), with where it came from so
 * that a rejected record can be found again: file, first line number (1-based, as an editor shows it), raw text.
 * CSV values are JSON strings; JSON Lines values are whatever the line held.
 */
public record InputRecord(String sourceFile, long lineNumber, Map<String, JsonNode> values, String rawLine) {
}
