package io.notionbridge.sandbox;

import io.notionbridge.testing.NodeScripts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.notionbridge.sandbox.demo.DemoData;
import org.junit.jupiter.api.Test;

/**
 * The official Notion JS SDK ({@code @notionhq/client}, installed by {@code npm ci --prefix src/test/js} in Maven's
 * pre-integration-test phase) against the sandbox: retrieve a data source, query it with a filter following cursors,
 * create and update a page, for 2025-09-03 and 2026-03-11. Fails, never skips, when Node.js is missing.
 */
class NotionSdkCompatIT {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "js");

    @Test
    void officialSdkWorksAgainstTheSandbox() throws Exception {
        NodeScripts.requireNode("the SDK compatibility test (NotionSdkCompatIT)");
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules").resolve("@notionhq").resolve("client"))) {
            NodeScripts.installPackages(SCRIPT_DIR);
        }
        try (NotionSandbox sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().build())) {
            for (String version : new String[] {"2025-09-03", "2026-03-11"}) {
                Result r = runScript(sandbox, version);
                assertEquals(0, r.exitCode(), "sdk-check.mjs failed for " + version + ":\n" + r.output());
                assertTrue(r.output().contains("all SDK checks passed"), r.output());
            }
            assertEquals(2, sandbox.requestLog().count("POST /v1/pages", 200), "the SDK created one page per version");
            assertTrue(sandbox.requestLog().count("POST /v1/data_sources/{id}/query", 200) >= 4);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runScript(NotionSandbox sandbox, String version) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("node", SCRIPT_DIR.resolve("sdk-check.mjs").toString())
                .redirectErrorStream(true);
        pb.environment().put("NOTION_BASE_URL", sandbox.baseUrl());
        pb.environment().put("NOTION_TOKEN", sandbox.token());
        pb.environment().put("NOTION_DATA_SOURCE_ID", DemoData.CRM_DATA_SOURCE_ID);
        pb.environment().put("NOTION_VERSION", version);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("sdk-check.mjs did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
