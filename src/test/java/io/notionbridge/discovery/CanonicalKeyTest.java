package io.notionbridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalKeyTest {

    @ParameterizedTest
    @CsvSource({
        "domain:acme.ai, DOMAIN, acme.ai, true",
        "companies_house:01234567, COMPANIES_HOUSE, 01234567, true",
        "github:acme, GITHUB, acme, true",
        "name_loc:acme-london, NAME_LOC, acme-london, false"})
    void parsesTheFourTypesAndPrintsThemBack(String text, CanonicalKey.Type type, String value, boolean strong) {
        CanonicalKey key = CanonicalKey.parse(text);
        assertEquals(type, key.type());
        assertEquals(value, key.value());
        assertEquals(strong, key.strong());
        assertEquals(text, key.toString());
    }

    @Test
    void malformedKeysAreRejectedWithAMessageThatSaysWhatWasExpected() {
        assertMessage("", "canonical key is empty; expected <type>:<value>");
        assertMessage(":acme.ai", "has no type; expected <type>:<value> with type domain, companies_house, github, name_loc");
        assertMessage("crunchbase:acme", "unknown type 'crunchbase'; expected one of domain, companies_house, github, name_loc");
        assertMessage("domain:", "is invalid: the domain is empty");
        assertMessage("domain:acme.ai/pricing", "is invalid: 'acme.ai/pricing' is not a bare domain");
        assertMessage("domain:shop.acme.co.uk", "is invalid: 'shop.acme.co.uk' is not a registrable domain; use domain:acme.co.uk");
        assertMessage("domain:github.io", "is itself a public suffix");
        assertMessage("companies_house:ABC", "is not a Companies House number");
        assertMessage("github:acme_inc", "is not a valid GitHub login");
        assertMessage("name_loc:acme_london", "is not a slug");
        assertMessage("name_loc:-acme", "is not a slug");
    }

    @Test
    void strengthFollowsTheType() {
        assertThrows(IllegalArgumentException.class, () -> new CanonicalKey(CanonicalKey.Type.NAME_LOC, "acme", true));
        assertThrows(IllegalArgumentException.class, () -> new CanonicalKey(CanonicalKey.Type.DOMAIN, "acme.ai", false));
        assertTrue(CanonicalKey.of(CanonicalKey.Type.GITHUB, "acme").strong());
        assertFalse(CanonicalKey.of(CanonicalKey.Type.NAME_LOC, "acme").strong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain:acme.ai", "  domain:acme.ai  ", "Domain:ACME.AI", "domain:acme.ai."})
    void harmlessDifferencesGiveEqualKeys(String text) {
        assertEquals(CanonicalKey.of(CanonicalKey.Type.DOMAIN, "acme.ai"), CanonicalKey.parse(text));
    }

    private static void assertMessage(String input, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanonicalKey.parse(input));
        assertTrue(e.getMessage().contains(fragment), () -> "message was: " + e.getMessage());
    }
}
