package io.notionbridge.cli;

import java.util.concurrent.Callable;

import io.notionbridge.runtime.BridgeRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code run}: the runtime with every flow, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run Notion Bridge (HTTP intake, jobs on their timers, webhooks) until stopped (the default).")
public class RunCommand implements Callable<Integer> {

    @ParentCommand
    BridgeCli cli;

    @Override
    public Integer call() throws Exception {
        return new BridgeRuntime(cli.config()).run();
    }
}
