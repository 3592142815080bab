package io.notionbridge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs on the build machines, so the image's promises are checked on the Dockerfile itself:
 * multi-stage, non-root, both ports, data and routes volumes, a health check on /observe/health, java as PID 1.
 */
class DockerfileTest {

    private final String dockerfile = read();

    private static String read() {
        try {
            return Files.readString(Path.of("Dockerfile"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void buildsWithMavenThenRunsOnAJreAsANonRootUser() {
        assertThat(dockerfile).containsPattern("(?m)^FROM maven:\\S+ AS build$");
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre$");
        assertThat(dockerfile).containsPattern("(?m)^COPY --from=build /src/target/notion-bridge.jar ");
        assertThat(dockerfile).containsPattern("(?m)^USER bridge$");
    }

    @Test
    void exposesPortsVolumesAndAHealthCheck() {
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE 8080 9876$");
        assertThat(dockerfile).containsPattern("(?m)^VOLUME \\[\"/app/data\", \"/app/routes\"]$");
        assertThat(dockerfile).contains("HEALTHCHECK").contains("http://127.0.0.1:9876/observe/health");
        assertThat(dockerfile).contains("exec java");
    }

    @Test
    void copiesEverythingTheRuntimeReadsFromDisk() {
        assertThat(dockerfile).contains("COPY routes /app/routes");
        assertThat(dockerfile).contains("COPY channels /app/channels");
        assertThat(dockerfile).contains("COPY application.properties application-prod.properties /app/");
    }
}
