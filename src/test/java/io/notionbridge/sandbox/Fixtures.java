package io.notionbridge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.model.Json;

/** The real Notion payloads in {@code ../shared/notion-fixtures}, found by walking up from the working directory. */
final class Fixtures {

    private Fixtures() {
    }

    static Path dir() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("notion-fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Path fallback = Path.of("/work/shared/notion-fixtures");
        if (Files.isDirectory(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("shared/notion-fixtures not found above " + Path.of("").toAbsolutePath());
    }

    static JsonNode read(String name) {
        try {
            return Json.MAPPER.readTree(Files.readString(dir().resolve(name)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
