package io.notionbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the benchmarks ({@code --name value}) and their shared set-up steps. */
final class BenchArgs {

    private BenchArgs() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value, got '" + args[i] + "'");
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    /** Installs the peer clients' npm packages (from the lockfile) when they are not there yet. */
    static void ensureNodeModules(Path dir) throws IOException, InterruptedException {
        if (Files.isDirectory(dir.resolve("node_modules"))) {
            return;
        }
        Process p = new ProcessBuilder("npm", "ci", "--silent", "--no-audit", "--no-fund", "--prefix", dir.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("npm ci in " + dir + " failed; Node.js and npm are needed for the peer client");
        }
    }
}
