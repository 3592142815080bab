package io.notionbridge.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.notionbridge.notion.property.PageView;
import org.junit.jupiter.api.Test;

/** A CRM page's key: the property, then the website, then name and location. */
class CrmKeyExtractorTest {

    private final CrmKeyExtractor extractor = new CrmKeyExtractor(
            new CrmProperties("Name", "Canonical Key", "Website", "Status", "Location"));

    private static PageView page(Map<String, Object> props) {
        return new PageView("p1", null, Instant.EPOCH, Instant.EPOCH, false, false, null, props, Map.of());
    }

    private static Map<String, Object> props(String key, String website, String name, String location) {
        Map<String, Object> m = new HashMap<>();
        m.put("Canonical Key", key);
        m.put("Website", website);
        m.put("Name", name);
        m.put("Location", location);
        return m;
    }

    @Test
    void theCanonicalKeyPropertyWins() {
        var e = extractor.extract(page(props("domain:acme.ai", "https://other.com", "Acme", "London"))).orElseThrow();
        assertThat(e.key().toString()).isEqualTo("domain:acme.ai");
        assertThat(e.source()).isEqualTo(CrmKeyExtractor.Source.PROPERTY);
        assertThat(e.key().strong()).isTrue();
    }

    @Test
    void aMalformedStoredKeyFallsBackToTheWebsite() {
        var e = extractor.extract(page(props("domain:shop.acme.co.uk/x", "https://www.Acme.co.uk/pricing", "Acme", null)))
                .orElseThrow();
        assertThat(e.key().toString()).isEqualTo("domain:acme.co.uk");
        assertThat(e.source()).isEqualTo(CrmKeyExtractor.Source.WEBSITE);
    }

    @Test
    void withoutKeyOrWebsiteNameAndLocationGiveAWeakKey() {
        var e = extractor.extract(page(props(null, "", "Acme Robotics Ltd", "London"))).orElseThrow();
        assertThat(e.key().toString()).startsWith("name_loc:acme-robotics");
        assertThat(e.key().strong()).isFalse();
        assertThat(e.source()).isEqualTo(CrmKeyExtractor.Source.NAME_LOCATION);
    }

    @Test
    void aWebsiteThatIsNotACompanyDomainFallsThroughToTheName() {
        var e = extractor.extract(page(props(null, "https://github.io", "Acme", null))).orElseThrow();
        assertThat(e.source()).isEqualTo(CrmKeyExtractor.Source.NAME_LOCATION);
    }

    @Test
    void aPageWithNothingToKeyByHasNoKey() {
        assertThat(extractor.extract(page(props(null, null, "  ", null)))).isEmpty();
    }
}
