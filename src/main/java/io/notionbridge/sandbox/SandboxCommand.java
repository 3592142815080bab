package io.notionbridge.sandbox;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.notionbridge.config.BridgeException;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.webhook.WebhookOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sandbox}: the Notion sandbox alone, until Ctrl-C or SIGTERM. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the Notion sandbox alone: a local emulation of the Notion API with demo data, rate limits "
                + "and fault injection (admin API under /_sandbox; see docs/sandbox.md).")
public class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8765", description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "interface to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--token", defaultValue = SandboxOptions.DEFAULT_TOKEN,
            description = "bot token clients must send (default: ${DEFAULT-VALUE})")
    String token;

    @Option(names = "--no-demo", description = "start empty, without the demo databases")
    boolean noDemo;

    @Option(names = "--rate", defaultValue = "average:3:10", paramLabel = "SPEC",
            description = "rate limit: average:RATE:BURST, window:BUDGET (per 60 s) or off (default: ${DEFAULT-VALUE})")
    String rate;

    @Option(names = "--workspace-limit", defaultValue = "off", paramLabel = "BUDGET:SECONDS",
            description = "workspace rate limit, e.g. 1000:120, or off (default: ${DEFAULT-VALUE})")
    String workspaceLimit;

    @Option(names = "--fault", paramLabel = "JSON",
            description = "a fault from the start, as the admin API takes it, e.g. '{\"status\":503,\"rate\":0.05}' (repeatable)")
    List<String> faults = List.of();

    @Option(names = "--webhook-url", paramLabel = "URL", description = "deliver page webhooks to this URL")
    String webhookUrl;

    @Option(names = "--webhook-token", paramLabel = "TOKEN",
            description = "verification token for webhook signatures (default: a new secret_… token)")
    String webhookToken;

    @Override
    public Integer call() throws Exception {
        SandboxOptions.Builder b = SandboxOptions.builder().port(port).host(host).token(token).demoData(!noDemo);
        try {
            b.rateLimit(RateLimitSettings.parse(rate).withWorkspaceLimit(workspaceLimit));
            for (String f : faults) {
                b.fault(Json.parse(f));
            }
            if (webhookUrl != null) {
                b.webhook(WebhookOptions.of(webhookUrl, webhookToken));
            }
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BridgeException("bad sandbox option: " + e.getMessage(), 2, e);
        }
        NotionSandbox sandbox;
        try {
            sandbox = NotionSandbox.start(b.build());
        } catch (IllegalStateException e) {
            throw new BridgeException(e.getMessage() + " (choose another --port)", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "notion-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printBanner(sandbox);
        stopped.await();
        return 0;
    }

    private void printBanner(NotionSandbox sandbox) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Notion sandbox running (Ctrl-C to stop)%n");
        out.printf("  base URL : %s%n", sandbox.baseUrl());
        out.printf("  token    : %s%n", sandbox.token());
        out.printf("  versions : 2022-06-28, 2025-09-03, 2026-03-11%n");
        out.printf("  rate     : %s%n", sandbox.rateLimiter().settings().describe());
        out.printf("  admin    : %s/_sandbox%n", sandbox.baseUrl());
        sandbox.webhooks().subscription().ifPresent(s -> out.printf("  webhooks : %s (verification token %s)%n",
                s.options().url(), s.options().verificationToken()));
        if (sandbox.options().demoData()) {
            out.printf("  demo databases (database id / data source id):%n");
            for (DemoData.DemoDatabase d : DemoData.DATABASES) {
                out.printf("    %-13s %s / %s%n", d.name(), d.databaseId(), d.dataSourceId());
            }
        }
        out.printf("  try: curl -H 'Authorization: Bearer %s' -H 'Notion-Version: 2025-09-03' %s/v1/users/me%n",
                sandbox.token(), sandbox.baseUrl());
        out.flush();
    }
}
