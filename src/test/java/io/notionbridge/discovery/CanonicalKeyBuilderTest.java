package io.notionbridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CanonicalKeyBuilderTest {

    private static final IdentityHints ALL = new IdentityHints(
            "domain:acme-explicit.com", "https://www.acme.ai", "acme.io", "acme-inc", "1234567", "Acme Ltd", "London");

    @Test
    void explicitKeyWinsOverEveryOtherHint() {
        KeyResult r = CanonicalKeyBuilder.build(ALL);
        assertEquals("domain:acme-explicit.com", r.key().orElseThrow().toString());
        assertEquals(Optional.of(IdentityHints.Hint.CANONICAL_KEY), r.hintUsed());
    }

    @Test
    void companiesHouseWinsOverDomainGithubAndName() {
        KeyResult r = CanonicalKeyBuilder.build(withExplicit(null));
        assertEquals("companies_house:01234567", r.key().orElseThrow().toString());
        assertEquals(Optional.of(IdentityHints.Hint.COMPANIES_HOUSE_NUMBER), r.hintUsed());
        assertTrue(r.isStrong());
    }

    @Test
    void domainWinsOverWebsiteGithubAndName() {
        KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, "https://www.acme.ai", "acme.io", "acme-inc",
                null, "Acme Ltd", "London"));
        assertEquals("domain:acme.io", r.key().orElseThrow().toString());
        assertEquals(Optional.of(IdentityHints.Hint.DOMAIN), r.hintUsed());
    }

    @Test
    void websiteWinsOverGithubAndName() {
        KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, "https://www.acme.ai", null, "acme-inc",
                null, "Acme Ltd", "London"));
        assertEquals("domain:acme.ai", r.key().orElseThrow().toString());
        assertEquals(Optional.of(IdentityHints.Hint.WEBSITE), r.hintUsed());
    }

    @Test
    void githubWinsOverName() {
        KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, null, null, "Acme-Inc", null, "Acme Ltd", null));
        assertEquals("github:acme-inc", r.key().orElseThrow().toString());
        assertEquals(Optional.of(IdentityHints.Hint.GITHUB_ORG), r.hintUsed());
    }

    @Test
    void nameAndLocationIsTheWeakFallback() {
        KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, null, null, null, null, "Acme Ltd", "London"));
        assertEquals("name_loc:acme-london", r.key().orElseThrow().toString());
        assertFalse(r.isStrong());
        assertEquals(Optional.of(IdentityHints.Hint.COMPANY_NAME), r.hintUsed());
    }

    @Test
    void unusableHintsAreSkippedWithTheirReasonsAndTheNextOneIsUsed() {
        KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, "http://10.0.0.1/", "localhost", "acme-inc",
                "XX1", null, null));
        assertEquals("github:acme-inc", r.key().orElseThrow().toString());
        assertEquals(3, r.skipped().size(), r.skipped().toString());
        assertTrue(r.skipped().get(0).startsWith("companies_house_number: "), r.skipped().get(0));
        assertTrue(r.skipped().get(1).startsWith("domain: 'localhost'"), r.skipped().get(1));
        assertTrue(r.skipped().get(2).startsWith("website: '10.0.0.1' is an IP address"), r.skipped().get(2));
    }

    @Test
    void anInvalidExplicitKeyFailsInsteadOfFallingBack() {
        KeyResult r = CanonicalKeyBuilder.build(withExplicit("domain:https://acme.ai/"));
        assertEquals(Optional.empty(), r.key());
        assertEquals(Optional.empty(), r.hintUsed());
        assertTrue(r.failureReason().orElseThrow().contains("not a bare domain"), r.failureReason().orElseThrow());
        assertFalse(r.isStrong());
    }

    @Test
    void noHintsAtAllIsAFailureThatSaysSo() {
        KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, " ", "", null, null, null, null));
        assertEquals(Optional.of("no identity hint given"), r.failureReason());
        assertEquals(List.of(), r.skipped());
    }

    @Test
    void onlyUnusableHintsListThemAll() {
        KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, "localhost", null, "-bad-", null, "!!!", null));
        assertEquals(3, r.skipped().size());
        assertTrue(r.failureReason().orElseThrow().startsWith("no usable identity hint (website: "),
                r.failureReason().orElseThrow());
    }

    @Test
    void aNonGithubWebsiteIsNeverTakenForALogin() {
        KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, "localhost", null, null, null, null, null));
        assertEquals(Optional.empty(), r.key());
    }

    @Test
    void theSameCompanyFromDifferentSignalsGetsTheSameKey() {
        List<IdentityHints> sameCompany = List.of(
                new IdentityHints(null, "https://www.Bücher.de/shop", null, null, null, null, null),
                new IdentityHints(null, null, "xn--bcher-kva.de.", null, null, null, null),
                new IdentityHints(null, null, "info@BÜCHER.DE", null, null, null, null),
                new IdentityHints("domain:bücher.de", null, null, null, null, null, null));
        assertEquals(1, sameCompany.stream().map(h -> CanonicalKeyBuilder.build(h).key().orElseThrow()).distinct().count());
    }

    private static IdentityHints withExplicit(String key) {
        return new IdentityHints(key, ALL.website(), ALL.domain(), ALL.githubOrg(), ALL.companiesHouseNumber(),
                ALL.companyName(), ALL.location());
    }
}
