package io.notionbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.discovery.SignalInput;
import io.notionbridge.discovery.SignalStore;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.store.Migrations;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code push} as a user runs it: the same job through a one-shot runtime against its own sandbox. */
@Tag("db")
class PushCommandTest {

    private TestDatabase db;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new Migrations(db.dataSource()).migrate();
        cli = new CliRunner();
        for (String kv : db.properties()) {
            cli.with(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        cli.with("bridge.sandbox.port", "0").with("bridge.sandbox.rate-limit", "off").with("bridge.notion.rate-limit", "1000")
                .with("bridge.discovery.demo-feed", "false");
        new SignalStore(db.dataSource()).insertAll(List.of(
                signal("domain:kestrel.aero", "funding_post", 0.9),
                signal("domain:saltmarsh.bio", "funding_post", 0.3),
                signal("domain:okapihealth.com", "hiring_spike", 0.5)));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static SignalInput signal(String key, String type, double confidence) {
        return new SignalInput(key, "strong", type, "news", key.substring(key.indexOf(':') + 1), BigDecimal.valueOf(confidence),
                Instant.parse("2026-07-01T00:00:00Z"), null, "{}");
    }

    private long pending() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM signal_processing WHERE state = 'pending'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void pushPrintsAReadableSummary() throws Exception {
        CliRunner.Result r = cli.run("push");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Discovery push: 3 prospect(s)")
                .contains("pushed 2 (2 created, 0 updated; 1 for review), held 1, rejected 0, errors 0")
                .containsPattern("created +domain:kestrel.aero .* AUTO_PUSH +0.9 +page [0-9a-f-]{36} \\(Source\\)")
                .containsPattern("held +domain:saltmarsh.bio");
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void dryRunWithJsonLimitAndKey() throws Exception {
        CliRunner.Result r = cli.run("push", "--dry-run", "--json", "--limit", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = NotionJson.MAPPER.readTree(r.out());
        assertThat(j.get("dry_run").asBoolean()).isTrue();
        assertThat(j.get("processed").asInt()).isEqualTo(1);
        assertThat(j.get("deferred").asInt()).isEqualTo(2);
        assertThat(j.get("outcomes").get(0).get("action").asText()).isEqualTo("would_create");
        assertThat(pending()).isEqualTo(3);

        CliRunner.Result one = cli.run("push", "--key", "domain:OkapiHealth.com", "--json");
        assertThat(NotionJson.MAPPER.readTree(one.out()).get("outcomes")).singleElement()
                .satisfies(o -> assertThat(o.get("status").asText()).isEqualTo("Tracking"));
        assertThat(pending()).isEqualTo(2);
    }

    @Test
    void anInvalidKeyIsOneLineAndExitCode1() {
        CliRunner.Result r = cli.run("push", "--key", "acme");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("error: --key: canonical key 'acme' has no type").doesNotContain("\n");
        assertThat(cli.run("push", "--limit", "0").exitCode()).isEqualTo(2);
    }
}
