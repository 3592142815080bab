package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import org.junit.jupiter.api.Test;

/** CRM page properties and the "why now" line, under default and configured property names. */
class CrmPageMapperTest {

    private static Prospect prospect(String key, String raw, String hints, StoredSignal... extra) {
        ProspectBuilder b = new ProspectBuilder(key);
        b.add(new StoredSignal(1, key, "strong", "github_star_spike", "github", "Acme AI", 0.6,
                Instant.parse("2026-06-20T08:00:00Z"), null, hints, "pending", 0));
        b.add(new StoredSignal(2, key, "strong", "funding_post", "news", "Acme AI", 0.5, Instant.parse("2026-07-01T23:30:00Z"),
                raw, null, "pending", 0));
        for (StoredSignal s : extra) {
            b.add(s);
        }
        return b.build(new VerificationGate());
    }

    @Test
    void whyNowNamesTypesSourcesScoreAndLatestDate() {
        Prospect p = prospect("domain:acme.ai", null, null);
        assertThat(WhyNow.line(p)).isEqualTo(
                "funding_post, github_star_spike from 2 sources (github, news); score 0.828; latest signal 2026-07-01");
        assertThat(WhyNow.score(1.0)).isEqualTo("1.0");
        assertThat(WhyNow.score(0.4025)).isEqualTo("0.4025");
    }

    @Test
    void aNewPageCarriesEverythingTheRawDataHas() {
        Prospect p = prospect("domain:acme.ai", "{\"description\":\"Agents for finance.\",\"founders\":[\"Ana\",\"Bo\"],"
                + "\"target_raise\":\"$2.5M\"}", "{\"location\":\"Leeds, UK\"}");
        ObjectNode props = new CrmPageMapper(CrmSettings.DEFAULTS).createProperties(p, "Source");
        assertThat(props.at("/Name/title/0/text/content").asText()).isEqualTo("Acme AI");
        assertThat(props.at("/Canonical Key/rich_text/0/text/content").asText()).isEqualTo("domain:acme.ai");
        assertThat(props.at("/Status/status/name").asText()).isEqualTo("Source");
        assertThat(props.at("/Stage/select/name").asText()).isEqualTo("Discovery");
        assertThat(props.at("/Website/url").asText()).isEqualTo("https://acme.ai");
        assertThat(props.at("/Confidence/number").decimalValue()).isEqualByComparingTo("0.828");
        assertThat(props.at("/Signal Types/multi_select").findValuesAsText("name")).containsExactly("funding_post",
                "github_star_spike");
        assertThat(props.at("/Why Now/rich_text/0/text/content").asText()).startsWith("funding_post, github_star_spike");
        assertThat(props.at("/Description/rich_text/0/text/content").asText()).isEqualTo("Agents for finance.");
        assertThat(props.at("/Founder/rich_text/0/text/content").asText()).isEqualTo("Ana, Bo");
        assertThat(props.at("/Location/rich_text/0/text/content").asText()).isEqualTo("Leeds, UK");
        assertThat(props.at("/Target Raise/number").decimalValue()).isEqualByComparingTo("2500000");
    }

    @Test
    void optionalPropertiesAreLeftOutAndNamesAreConfigurable() {
        CrmSettings crm = CrmSettings.from(k -> switch (k) {
            case "bridge.crm.property.name" -> "Company";
            case "bridge.crm.property.signal-types" -> "Signals";
            case "bridge.crm.status.auto-push" -> "New";
            default -> null;
        });
        Prospect p = prospect("github:acme-inc", null, null);
        ObjectNode props = new CrmPageMapper(crm).createProperties(p, crm.statusFor(GateDecision.AUTO_PUSH));
        assertThat(props.has("Company")).isTrue();
        assertThat(props.has("Signals")).isTrue();
        assertThat(props.at("/Status/status/name").asText()).isEqualTo("New");
        assertThat(props.has("Website")).as("a GitHub login is not a website").isFalse();
        assertThat(props.has("Description")).isFalse();
        assertThat(props.has("Founder")).isFalse();
        assertThat(props.has("Target Raise")).isFalse();
    }

    @Test
    void anUpdateAddsTypesAndRefreshesScoreAndWhyNowOnly() {
        Prospect p = prospect("domain:acme.ai", "{\"description\":\"x\"}", null);
        ObjectNode props = new CrmPageMapper(CrmSettings.DEFAULTS).updateProperties(p, List.of("hiring_spike", "funding_post"));
        assertThat(props.fieldNames()).toIterable().containsExactlyInAnyOrder("Confidence", "Signal Types", "Why Now");
        assertThat(props.at("/Signal Types/multi_select").findValuesAsText("name"))
                .containsExactly("hiring_spike", "funding_post", "github_star_spike");
    }

    @Test
    void readsTargetRaiseInCommonForms() {
        assertThat(CrmPageMapper.targetRaise(NotionJson.MAPPER.valueToTree(1500000))).isEqualByComparingTo("1500000");
        assertThat(CrmPageMapper.targetRaise(NotionJson.MAPPER.valueToTree("750k"))).isEqualByComparingTo("750000");
        assertThat(CrmPageMapper.targetRaise(NotionJson.MAPPER.valueToTree("2,500,000"))).isEqualByComparingTo("2500000");
        assertThat(CrmPageMapper.targetRaise(NotionJson.MAPPER.valueToTree("$1.2 billion"))).isEqualByComparingTo("1200000000");
        assertThat(CrmPageMapper.targetRaise(NotionJson.MAPPER.valueToTree("soon"))).isNull();
        assertThat(CrmPageMapper.targetRaise(NotionJson.MAPPER.valueToTree(-5))).isNull();
        assertThat(CrmPageMapper.targetRaise(null)).isNull();
        assertThat(new BigDecimal("2500000").scale()).isZero();
    }
}
