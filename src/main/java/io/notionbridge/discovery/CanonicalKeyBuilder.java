package io.notionbridge.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a company's {@link CanonicalKey} from the hints in a signal.
 *
 * <p><b>Precedence</b>, first usable hint wins:
 * <ol>
 *   <li>an explicit {@code canonical_key}: the sender knows best. It is validated, and if it is invalid the result is
 *       a failure, never a silent fallback to another hint, because a different key than the one asked for would
 *       file the signal under another company;</li>
 *   <li>{@code companies_house_number}: an id from a statutory registry, allocated once and never changed;</li>
 *   <li>{@code domain}, then {@code website}: the registrable domain, the convention CRMs key companies on (HubSpot:
 *       "domain names are the primary unique identifier");</li>
 *   <li>{@code github_org} (or a {@code website} that is a github.com address): strong, but below the domain
 *       because GitHub logins can be renamed and later reused by someone else;</li>
 *   <li>{@code company_name} with {@code location}: the weak fallback.</li>
 * </ol>
 * Hints 2 to 5 that are present but unusable (an IP as website, a malformed number) are skipped with a note in
 * {@link KeyResult#skipped()}. Stateless and thread-safe.
 */
public final class CanonicalKeyBuilder {

    private CanonicalKeyBuilder() {
    }

    /** The key for {@code hints}, or why there is none. */
    public static KeyResult build(IdentityHints hints) {
        if (present(hints.explicitKey())) {
            try {
                return KeyResult.found(CanonicalKey.parse(hints.explicitKey()), IdentityHints.Hint.CANONICAL_KEY, List.of());
            } catch (IllegalArgumentException e) {
                return KeyResult.failed(e.getMessage(), List.of());
            }
        }
        List<String> skipped = new ArrayList<>();
        List<Candidate> candidates = List.of(
                new Candidate(IdentityHints.Hint.COMPANIES_HOUSE_NUMBER, hints.companiesHouseNumber(),
                        CanonicalKey.Type.COMPANIES_HOUSE, CompaniesHouseNumber::normalize),
                new Candidate(IdentityHints.Hint.DOMAIN, hints.domain(), CanonicalKey.Type.DOMAIN,
                        DomainNormalizer::normalize),
                new Candidate(IdentityHints.Hint.WEBSITE, hints.website(), CanonicalKey.Type.DOMAIN,
                        DomainNormalizer::normalize),
                new Candidate(IdentityHints.Hint.GITHUB_ORG, hints.githubOrg(), CanonicalKey.Type.GITHUB,
                        GithubOrg::normalize),
                new Candidate(IdentityHints.Hint.COMPANY_NAME, hints.companyName(), CanonicalKey.Type.NAME_LOC,
                        name -> NameLocationSlug.normalize(name, hints.location())));
        for (Candidate c : candidates) {
            if (!present(c.input())) {
                continue;
            }
            Normalized n = c.normalizer().apply(c.input());
            if (n.isPresent()) {
                return KeyResult.found(CanonicalKey.of(c.type(), n.orElseThrow()), c.hint(), skipped);
            }
            skipped.add(c.hint().field() + ": " + n.reason().orElseThrow());
            if (c.hint() == IdentityHints.Hint.WEBSITE && !present(hints.githubOrg())) {
                Normalized github = GithubOrg.fromAddress(c.input());
                if (github.isPresent()) {
                    return KeyResult.found(CanonicalKey.of(CanonicalKey.Type.GITHUB, github.orElseThrow()),
                            IdentityHints.Hint.WEBSITE, skipped);
                }
            }
        }
        return KeyResult.failed(skipped.isEmpty() ? "no identity hint given" : "no usable identity hint ("
                + String.join("; ", skipped) + ")", skipped);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private record Candidate(IdentityHints.Hint hint, String input, CanonicalKey.Type type,
                             Function<String, Normalized> normalizer) {
    }
}
