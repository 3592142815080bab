package io.notionbridge.notion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** Test access to the shared recorded Notion payloads ({@code shared/notion-fixtures}) and to test resources. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture folder, found by walking up from the working directory; fails clearly when missing. */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("notion-fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/notion-fixtures folder above " + Path.of("").toAbsolutePath()
                + "; the tests need the shared Notion fixtures (../shared/notion-fixtures from the project root)");
    }

    /** Every JSON fixture file name, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String name) {
        return dir().resolve(name);
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        return parse(text(name));
    }

    /** A JSON test resource under {@code src/test/resources/notion/}. */
    public static JsonNode resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/notion/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /notion/" + name);
            }
            return NotionJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return NotionJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
