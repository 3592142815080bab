package io.notionbridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Details of the single normalisers that the key table does not show on its own. */
class NormalizersTest {

    @Test
    void rejectedResultsCarryTheirReasonAndThrowItOnDemand() {
        Normalized n = DomainNormalizer.normalize("localhost");
        assertFalse(n.isPresent());
        assertEquals(Optional.empty(), n.value());
        assertEquals(Optional.of("'localhost' is not under a known public suffix"), n.reason());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, n::orElseThrow);
        assertEquals("'localhost' is not under a known public suffix", e.getMessage());
        assertEquals(Optional.empty(), Normalized.of("acme.ai").reason());
    }

    @Test
    void wwwIsKeptOnlyWhenItIsTheRegistrableLabelItself() {
        assertEquals("www.github.io", DomainNormalizer.normalize("https://www.github.io/").orElseThrow());
        assertEquals("acme.github.io", DomainNormalizer.normalize("www.acme.github.io").orElseThrow());
    }

    @Test
    void webAddressSplitsTheInputWithoutChangingTheHost() {
        WebAddress a = WebAddress.parse("HTTPS://user:pw@Shop.Acme.AI:8443/a//b/?q=1#f");
        assertEquals("Shop.Acme.AI", a.host());
        assertEquals(List.of("a", "b"), a.pathSegments());
        assertFalse(a.email());
        assertEquals(true, WebAddress.parse("jane@acme.ai").email());
        assertEquals(false, WebAddress.parse("https://acme.ai/?utm=x").hasPath());
    }

    @Test
    void companiesHouseNumbersArePaddedToEightCharacters() {
        assertEquals("00000001", CompaniesHouseNumber.normalize("1").orElseThrow());
        assertEquals("SC000001", CompaniesHouseNumber.normalize("SC1").orElseThrow());
        assertEquals("OC012345", CompaniesHouseNumber.normalize("oc-12345").orElseThrow());
        assertEquals(8, CompaniesHouseNumber.normalize(" ni 1 ").orElseThrow().length());
        assertFalse(CompaniesHouseNumber.normalize("SL1234A").isPresent(), "letter-suffixed numbers are never padded");
    }

    @Test
    void githubLoginsFollowGithubRules() {
        assertEquals("a", GithubOrg.normalize("A").orElseThrow());
        assertEquals("a".repeat(39), GithubOrg.normalize("a".repeat(39)).orElseThrow());
        assertEquals("acme", GithubOrg.normalize("https://acme.github.io/site").orElseThrow());
        assertEquals("octocat", GithubOrg.normalize("https://api.github.com/users/octocat").orElseThrow());
        assertFalse(GithubOrg.normalize("https://github.com/").isPresent());
        assertFalse(GithubOrg.fromAddress("acme").isPresent(), "a bare word is not an address");
    }

    @Test
    void slugsFoldScriptsAndStripOnlyTrailingLegalForms() {
        assertEquals("co-op-food", NameLocationSlug.normalize("Co-op Food", null).orElseThrow());
        assertEquals("bei-jing-tech", NameLocationSlug.normalize("北京 Tech Co., Ltd.", null).orElseThrow());
        assertEquals("acme-london-uk", NameLocationSlug.normalize("Acme", "London, UK").orElseThrow());
        assertEquals("acme", NameLocationSlug.normalize("Acme", "  ").orElseThrow());
        assertFalse(NameLocationSlug.normalize(" ", "London").isPresent());
    }
}
