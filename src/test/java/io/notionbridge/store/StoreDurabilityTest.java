package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.tasks.webhook.IncomingEvent;
import io.notionbridge.tasks.webhook.WebhookInbox;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store said it committed survives the process being killed with SIGKILL right after: a child JVM stores
 * webhook events the way the webhook intake does, says so, and is killed at once; every event is there afterwards.
 * (H2 used to write commits to its file up to a second later; see {@link DatabaseSettings#connectUrl()}.)
 */
@Tag("db")
class StoreDurabilityTest {

    private static final int EVENTS = 50;

    @TempDir
    Path dir;

    @Test
    void eventsCommittedJustBeforeASigkillAreStillThere() throws Exception {
        try (TestDatabase db = TestDatabase.onDisk(dir)) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Child.class.getName(), db.url(), db.user()));
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && !line.equals(Child.DONE)) {
                    out.append(line).append('\n');
                }
                assertThat(line).as("the child's output:\n" + out).isEqualTo(Child.DONE);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM webhook_inbox")) {
                rs.next();
                assertThat(rs.getInt(1)).as("events stored before the kill").isEqualTo(EVENTS);
            }
        }
    }

    /** The child: opens the store as the runtime does, stores the events one commit each, says so and waits. */
    public static final class Child {
        static final String DONE = "stored and committed";

        public static void main(String[] args) throws Exception {
            HikariDataSource ds = Database.open(new DatabaseSettings(args[0], args.length > 1 ? args[1] : "", "", 2));
            new Migrations(ds).migrate();
            WebhookInbox inbox = new WebhookInbox(ds, Clock.systemUTC(), 8, Duration.ofSeconds(2), Duration.ofSeconds(10),
                    Duration.ofMinutes(5));
            for (int i = 1; i <= EVENTS; i++) {
                inbox.insert(new IncomingEvent("durable-" + i, "page.properties_updated", "page-" + i, Instant.now(),
                        "{\"id\":\"durable-" + i + "\"}", "notion"));
            }
            System.out.println(DONE);
            System.out.flush();
            Thread.sleep(120_000); // idles until the test kills this process with SIGKILL; not a wait for an outcome
        }
    }
}
