package io.notionbridge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;

import picocli.CommandLine;

/** Runs the CLI in-process with captured output, as a user would from a shell. */
public final class CliRunner {

    /** Exit code, standard output and standard error of one invocation. */
    public record Result(int exitCode, String out, String err) {
    }

    private final Properties overrides = new Properties();

    public CliRunner with(String key, String value) {
        overrides.setProperty(key, value);
        return this;
    }

    public Result run(String... args) {
        CommandLine cl = BridgeCli.commandLine(overrides);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = BridgeCli.execute(cl, args);
        return new Result(code, out.toString(), err.toString());
    }
}
