package io.notionbridge.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Node.js for the tests and benchmarks that drive the bridge with a real npm client (the Notion JS SDK, the MCP
 * TypeScript SDK): checks that {@code node} is there and installs a folder's packages from its lockfile. Failures say
 * what is missing; they never skip.
 */
public final class NodeScripts {

    private NodeScripts() {
    }

    /** Fails, naming {@code usedBy}, unless {@code node --version} works. */
    public static void requireNode(String usedBy) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("`node --version` failed (" + v + "); Node.js 20+ is required for " + usedBy);
            }
        } catch (IOException e) {
            throw new AssertionError("Node.js (`node`) is not on the PATH; it is required for " + usedBy + ": " + e.getMessage());
        }
    }

    /** Runs {@code npm ci} in {@code dir} ({@code mvn verify} does it before the ITs; a direct run needs it here). */
    public static void installPackages(Path dir) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("npm", "ci", "--prefix", dir.toString(), "--no-audit", "--no-fund")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("the npm packages of " + dir.toAbsolutePath() + " are not installed and `npm` is not on "
                    + "the PATH: " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new AssertionError("`npm ci --prefix " + dir + "` failed:\n" + out);
            }
        } catch (IOException e) {
            throw new AssertionError("`npm ci --prefix " + dir + "` failed: " + e.getMessage());
        }
    }
}
