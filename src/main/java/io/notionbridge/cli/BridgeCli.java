package io.notionbridge.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code notion-bridge} command: {@code run} (the default) and the job, store and tool subcommands. */
@Command(name = "notion-bridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Apache Camel integration runtime that connects your systems to Notion.%n"
                + "Without a command it runs the runtime (same as `run`).",
        subcommands = {RunCommand.class, DbCommand.class, io.notionbridge.sandbox.SandboxCommand.class, InspectCommand.class,
                SuppressionSyncCommand.class, RoutesCommand.class,
                SyncCommand.class, WarehouseHealthCommand.class, ListDatabasesCommand.class, InitTablesCommand.class,
                PushCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Configuration: application.properties in the working directory (see README.md).",
                "Exit codes: 0 ok, 1 failed, 2 bad arguments."})
public class BridgeCli implements Runnable {

    @Option(names = "--profile", scope = ScopeType.INHERIT,
            description = "configuration profile to load on top of application.properties, e.g. prod "
                    + "(also CAMEL_MAIN_PROFILE)")
    String profile;

    private final java.util.Properties overrides;

    public BridgeCli() {
        this(null);
    }

    /** With properties that win over every file (tests, embedding). */
    public BridgeCli(java.util.Properties overrides) {
        this.overrides = overrides;
    }

    @Override
    public void run() {
        // execute() turns a bare invocation into `run`; reaching this means picocli was driven directly
        new CommandLine(this).usage(System.err);
    }

    /** Properties that win over every file (tests, embedding), for the runtimes commands start; may be null. */
    public java.util.Properties overrides() {
        return overrides;
    }

    /** Loads the configuration with this invocation's profile. */
    public BridgeConfig config() {
        return BridgeConfig.load(profile, overrides);
    }

    public static CommandLine commandLine() {
        return commandLine(null);
    }

    public static CommandLine commandLine(java.util.Properties overrides) {
        CommandLine cl = new CommandLine(new BridgeCli(overrides));
        cl.setExecutionExceptionHandler(BridgeCli::handleExecutionException);
        cl.setParameterExceptionHandler(BridgeCli::handleParameterException);
        return cl;
    }

    public static int execute(String... args) {
        return execute(commandLine(), args);
    }

    public static int execute(CommandLine cl, String... args) {
        if (isBareInvocation(args)) {
            String[] withRun = new String[args.length + 1];
            System.arraycopy(args, 0, withRun, 0, args.length);
            withRun[args.length] = "run";
            return cl.execute(withRun);
        }
        return cl.execute(args);
    }

    /** True when no subcommand is named (only global options such as --profile), so `run` applies. */
    static boolean isBareInvocation(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--profile")) {
                i++;
                continue;
            }
            if (a.startsWith("--profile=")) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof BridgeException be) {
            err.println("error: " + be.getMessage());
            err.flush();
            return be.exitCode();
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof BridgeException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof BridgeException be) {
            err.println("error: " + be.getMessage());
            err.flush();
            return be.exitCode();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        err.println("error: " + msg.lines().findFirst().orElse(msg) + " (" + root.getClass().getSimpleName()
                + "; run with BRIDGE_LOG_LEVEL=DEBUG for details)");
        err.flush();
        return 1;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + ex.getMessage().toLowerCase(Locale.ROOT).charAt(0) + ex.getMessage().substring(1)
                + "; see `" + cl.getCommandSpec().qualifiedName() + " --help`");
        err.flush();
        return 2;
    }
}
