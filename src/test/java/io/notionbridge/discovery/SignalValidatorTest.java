package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionJson;
import org.junit.jupiter.api.Test;

class SignalValidatorTest {

    private static final Instant NOW = Instant.parse("2026-07-04T09:09:41.123456789Z");
    private final SignalValidator validator = new SignalValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    private static JsonNode json(String s) {
        try {
            return NotionJson.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private SignalValidator.Result validate(String... items) {
        return validator.validate(List.of(items).stream().map(SignalValidatorTest::json).toList());
    }

    @Test
    void aValidSignalIsNormalisedAndKeyed() {
        SignalValidator.Result r = validate("{\"signal_type\":\" GitHub_Star_Spike \",\"source_api\":\"GitHub\","
                + "\"company_name\":\"  Acme AI \",\"confidence\":0.123456,\"detected_at\":\"2026-07-01T11:30:00.1234567+02:00\","
                + "\"website\":\"https://www.acme.ai/pricing\",\"raw_data\":{\"stars\":3},\"unknown_field\":1}");
        assertThat(r.valid()).isTrue();
        SignalInput s = r.signals().get(0);
        assertThat(s.signalType()).isEqualTo("github_star_spike");
        assertThat(s.sourceApi()).isEqualTo("github");
        assertThat(s.companyName()).isEqualTo("Acme AI");
        assertThat(s.confidence()).isEqualTo(new BigDecimal("0.12346"));
        assertThat(s.detectedAt()).as("UTC, microseconds").isEqualTo(Instant.parse("2026-07-01T09:30:00.123456Z"));
        assertThat(s.canonicalKey()).isEqualTo("domain:acme.ai");
        assertThat(s.keyStrength()).isEqualTo("strong");
        assertThat(s.rawData()).isEqualTo("{\"stars\":3}");
        assertThat(json(s.identityHints()).get("website").asText()).isEqualTo("https://www.acme.ai/pricing");
    }

    @Test
    void defaultsAndOtherAcceptedForms() {
        SignalValidator.Result r = validate(
                "{\"signal_type\":\"a\",\"source_api\":\"b\",\"company_name\":\"Acme\",\"confidence\":1,\"location\":\"London\"}",
                "{\"signal_type\":\"a\",\"source_api\":\"b\",\"company_name\":\"Acme\",\"confidence\":0,\"detected_at\":\"2026-07-01\","
                        + "\"companies_house_number\":1234567}",
                "{\"signal_type\":\"a\",\"source_api\":\"b\",\"company_name\":\"Acme\",\"confidence\":0.5,"
                        + "\"canonical_key\":\"GITHUB:Acme-Inc\",\"website\":\"https://acme.io\"}");
        assertThat(r.errors()).isEmpty();
        assertThat(r.signals().get(0).detectedAt()).as("default now").isEqualTo(Instant.parse("2026-07-04T09:09:41.123456Z"));
        assertThat(r.signals().get(0).canonicalKey()).isEqualTo("name_loc:acme-london");
        assertThat(r.signals().get(0).keyStrength()).isEqualTo("weak");
        assertThat(r.signals().get(1).detectedAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(r.signals().get(1).canonicalKey()).isEqualTo("companies_house:01234567");
        assertThat(r.signals().get(2).canonicalKey()).as("an explicit key wins").isEqualTo("github:acme-inc");
    }

    @Test
    void everyBadFieldOfEveryItemIsReported() {
        SignalValidator.Result r = validate(
                "{\"signal_type\":\"ok\",\"source_api\":\"ok\",\"company_name\":\"Acme\",\"confidence\":0.5,\"website\":\"acme.io\"}",
                "{\"signal_type\":5,\"source_api\":\"has space\",\"company_name\":\"   \",\"confidence\":-0.1,"
                        + "\"detected_at\":\"2026-07-01T09:30:00\",\"raw_data\":\"text\",\"website\":7}",
                "{\"confidence\":\"high\",\"detected_at\":\"2026-07-04T12:00:00Z\"}",
                "[1]");
        assertThat(r.valid()).isFalse();
        assertThat(r.signals()).as("nothing when anything is wrong").isEmpty();
        assertThat(r.errors()).extracting(FieldError::item, FieldError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "signal_type"),
                org.assertj.core.groups.Tuple.tuple(1, "source_api"),
                org.assertj.core.groups.Tuple.tuple(1, "company_name"),
                org.assertj.core.groups.Tuple.tuple(1, "confidence"),
                org.assertj.core.groups.Tuple.tuple(1, "detected_at"),
                org.assertj.core.groups.Tuple.tuple(1, "raw_data"),
                org.assertj.core.groups.Tuple.tuple(1, "website"),
                org.assertj.core.groups.Tuple.tuple(2, "signal_type"),
                org.assertj.core.groups.Tuple.tuple(2, "source_api"),
                org.assertj.core.groups.Tuple.tuple(2, "company_name"),
                org.assertj.core.groups.Tuple.tuple(2, "confidence"),
                org.assertj.core.groups.Tuple.tuple(2, "detected_at"),
                org.assertj.core.groups.Tuple.tuple(3, "item"));
        assertThat(r.errors().get(3).error()).isEqualTo("must be from 0 to 1, got -0.1");
        assertThat(r.errors().get(4).error()).contains("with offset");
        assertThat(r.errors().get(10).error()).contains("must be a number").contains("a string");
        assertThat(r.errors().get(11).error()).contains("in the future");
        assertThat(r.errors().get(12).error()).contains("an array");
    }

    @Test
    void noUsableIdentityIsOneErrorNamingTheHints() {
        SignalValidator.Result r = validate(
                "{\"signal_type\":\"a\",\"source_api\":\"b\",\"company_name\":\"!!!\",\"confidence\":0.5,\"website\":\"http://localhost\"}",
                "{\"signal_type\":\"a\",\"source_api\":\"b\",\"company_name\":\"Acme\",\"confidence\":0.5,\"canonical_key\":\"acme\"}");
        assertThat(r.errors()).hasSize(2);
        assertThat(r.errors().get(0).field()).isEqualTo("identity");
        assertThat(r.errors().get(0).error()).contains("website").contains("give website, domain");
        assertThat(r.errors().get(1).field()).isEqualTo("canonical_key");
        assertThat(r.errors().get(1).error()).contains("has no type");
    }

    @Test
    void parsesIso8601Forms() {
        assertThat(SignalValidator.parseTime("2026-07-01T09:30:00Z")).isEqualTo(Instant.parse("2026-07-01T09:30:00Z"));
        assertThat(SignalValidator.parseTime("2026-07-01T09:30:00-05:00")).isEqualTo(Instant.parse("2026-07-01T14:30:00Z"));
        assertThat(SignalValidator.parseTime("2026-07-01")).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(SignalValidator.parseTime("01/07/2026")).isNull();
        assertThat(SignalValidator.parseTime("2026-07-01T09:30")).isNull();
    }
}
