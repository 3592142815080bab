package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Grouping one company's signals: order, raw data and hints merged with the latest winning, and the gate's verdict. */
class ProspectBuilderTest {

    static StoredSignal signal(long id, String type, String source, double confidence, String at, String raw, String hints,
                               String state) {
        return new StoredSignal(id, "domain:acme.ai", "strong", type, source, "Acme " + id, confidence, Instant.parse(at), raw,
                hints, state, 0);
    }

    @Test
    void mergesRawDataAndHintsWithTheLatestSignalWinning() {
        // added out of order, as a split may deliver them
        Prospect p = new ProspectBuilder("domain:acme.ai")
                .add(signal(3, "funding_post", "news", 0.5, "2026-07-03T00:00:00Z",
                        "{\"founder\":\"Jo\",\"location\":null,\"target_raise\":5}", "{\"website\":\"acme.ai\"}", "pending"))
                .add(signal(1, "github_star_spike", "github", 0.6, "2026-07-01T00:00:00Z",
                        "{\"founder\":\"Al\",\"location\":\"Leeds\",\"repo\":\"a/b\"}",
                        "{\"website\":\"https://www.acme.ai\",\"location\":\"Leeds\"}", "pushed"))
                .add(signal(2, "github_star_spike", "github", 0.3, "2026-07-02T00:00:00Z", null, null, "pending"))
                .build(new VerificationGate());
        assertThat(p.signals()).extracting(StoredSignal::id).containsExactly(1L, 2L, 3L);
        assertThat(p.companyName()).isEqualTo("Acme 3");
        assertThat(p.rawData().toString()).isEqualTo("{\"founder\":\"Jo\",\"location\":\"Leeds\",\"repo\":\"a/b\",\"target_raise\":5}");
        assertThat(p.hint("website")).isEqualTo("acme.ai");
        assertThat(p.hint("location")).isEqualTo("Leeds");
        assertThat(p.pendingSignalIds()).containsExactly(2L, 3L);
        assertThat(p.latestSignalAt()).isEqualTo(Instant.parse("2026-07-03T00:00:00Z"));
        // every signal counts, pushed ones too: base 0.6 x1.15 (2 sources) x1.2 (2 types)
        assertThat(p.score()).isEqualTo(0.828);
        assertThat(p.decision()).isEqualTo("AUTO_PUSH");
    }

    @Test
    void equalDetectionTimesAreOrderedById() {
        Prospect p = new ProspectBuilder("domain:acme.ai")
                .add(signal(9, "a", "s", 0.1, "2026-07-01T00:00:00Z", "{\"x\":\"nine\"}", null, "pending"))
                .add(signal(4, "a", "t", 0.1, "2026-07-01T00:00:00Z", "{\"x\":\"four\"}", null, "pending"))
                .build(new VerificationGate());
        assertThat(p.raw("x")).isEqualTo("nine");
    }

    @Test
    void refusesASignalOfAnotherCompany() {
        StoredSignal other = new StoredSignal(1, "domain:other.io", "strong", "a", "b", "O", 0.5, Instant.now(), null, null,
                "pending", 1);
        assertThatThrownBy(() -> new ProspectBuilder("domain:acme.ai").add(other)).hasMessageContaining("domain:other.io");
    }

    @Test
    void theAggregationStrategyCollectsSignalsIntoOneBuilder() {
        ProspectAggregationStrategy strategy = new ProspectAggregationStrategy();
        DefaultCamelContext ctx = new DefaultCamelContext();
        Exchange first = new DefaultExchange(ctx);
        first.getMessage().setBody(signal(1, "a", "s", 0.5, "2026-07-01T00:00:00Z", null, null, "pending"));
        Exchange second = new DefaultExchange(ctx);
        second.getMessage().setBody(signal(2, "b", "t", 0.5, "2026-07-02T00:00:00Z", null, null, "pending"));

        Exchange group = strategy.aggregate(null, first);
        group = strategy.aggregate(group, second);

        assertThat(group).isSameAs(first);
        ProspectBuilder b = group.getMessage().getBody(ProspectBuilder.class);
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.build(new VerificationGate()).signals()).extracting(StoredSignal::id).containsExactly(1L, 2L);
    }
}
