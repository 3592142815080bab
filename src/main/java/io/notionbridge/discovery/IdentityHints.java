package io.notionbridge.discovery;

/**
 * What a signal says about which company it is about. Every field is optional (null or blank means absent).
 *
 * @param explicitKey          a canonical key given outright ({@code canonical_key} in a signal), e.g. {@code domain:acme.ai}
 * @param website              the company's website, in any form ({@code https://www.acme.ai/pricing})
 * @param domain               the company's domain ({@code acme.ai}), or an e-mail address at it
 * @param githubOrg            a GitHub login or github.com address
 * @param companiesHouseNumber a UK Companies House number, with or without its leading zeros
 * @param companyName          the company's name, with or without its legal form
 * @param location             where the company is (city, region or country), used only with the name
 */
public record IdentityHints(String explicitKey, String website, String domain, String githubOrg,
                            String companiesHouseNumber, String companyName, String location) {

    /** Which hint a key was built from, named as in the signal's JSON. */
    public enum Hint {
        CANONICAL_KEY("canonical_key"),
        COMPANIES_HOUSE_NUMBER("companies_house_number"),
        DOMAIN("domain"),
        WEBSITE("website"),
        GITHUB_ORG("github_org"),
        COMPANY_NAME("company_name");

        private final String field;

        Hint(String field) {
            this.field = field;
        }

        /** The hint's field name in a signal. */
        public String field() {
            return field;
        }
    }
}
