package io.notionbridge;

import io.notionbridge.cli.BridgeCli;

/** Entry point of the runnable jar: {@code java -jar notion-bridge.jar [command]}; {@code run} is the default. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        LogSetup.beforeFirstLogger(args);
        System.exit(BridgeCli.execute(args));
    }
}
