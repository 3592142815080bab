package io.notionbridge.discovery;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A GitHub organisation or user login, the value of a {@code github:} key, lower-cased (GitHub logins are
 * case-insensitive).
 *
 * <p>Accepted forms: a bare login ({@code Acme-Inc}, {@code @acme}), and addresses that name one:
 * {@code https://github.com/Acme-Inc/repo}, {@code github.com/acme}, {@code https://github.com/orgs/acme/people},
 * {@code https://api.github.com/orgs/acme} (or {@code /users/}), {@code git@github.com:acme/widgets.git} and a GitHub
 * Pages site {@code acme.github.io}. A login follows GitHub's rules: letters, digits and single hyphens, at most 39
 * characters, not starting or ending with a hyphen. Site pages such as {@code github.com/features} are refused.
 *
 * <p>Logins can be renamed, and a renamed login may later be taken by someone else (peers.md §5); this is why a
 * {@code github:} key ranks below {@code domain:} in {@link CanonicalKeyBuilder}.
 */
public final class GithubOrg {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}");
    private static final Pattern BARE = Pattern.compile("@?[A-Za-z0-9-]+");
    private static final Set<String> GITHUB_HOSTS = Set.of("github.com", "www.github.com");
    private static final Set<String> ACCOUNT_PATHS = Set.of("orgs", "users", "sponsors");
    private static final Set<String> SITE_PAGES = Set.of(
            "about", "apps", "collections", "contact", "customer-stories", "enterprise", "events", "explore",
            "features", "join", "login", "logout", "marketplace", "new", "notifications", "organizations", "pricing",
            "pulls", "issues", "search", "security", "settings", "site", "signup", "team", "topics", "trending");

    private GithubOrg() {
    }

    /** The lower-case login named by {@code input}, or why there is none. */
    public static Normalized normalize(String input) {
        if (input == null || input.isBlank()) {
            return Normalized.rejected("no GitHub organisation given");
        }
        String s = input.strip();
        if (BARE.matcher(s).matches()) {
            return normalizeLogin(s.startsWith("@") ? s.substring(1) : s);
        }
        return fromAddress(s);
    }

    /**
     * The login named by a GitHub address (github.com, api.github.com, git@github.com: or a {@code *.github.io}
     * site); anything else, a bare word included, is refused.
     */
    public static Normalized fromAddress(String input) {
        if (input == null || input.isBlank()) {
            return Normalized.rejected("no GitHub address given");
        }
        String s = input.strip();
        if (s.regionMatches(true, 0, "git@github.com:", 0, "git@github.com:".length())) {
            s = "github.com/" + s.substring("git@github.com:".length());
        }
        WebAddress address = WebAddress.parse(s);
        String host = address.host().toLowerCase(Locale.ROOT);
        List<String> path = address.pathSegments();
        if (GITHUB_HOSTS.contains(host)) {
            return fromPath(path, 0, input);
        }
        if (host.equals("api.github.com")) {
            return path.size() >= 2 && (path.get(0).equals("orgs") || path.get(0).equals("users"))
                    ? normalizeLogin(path.get(1))
                    : Normalized.rejected("'" + input.strip() + "' does not name an organisation or user");
        }
        if (host.endsWith(".github.io") && host.indexOf('.') == host.length() - ".github.io".length()) {
            return normalizeLogin(host.substring(0, host.indexOf('.')));
        }
        return Normalized.rejected("'" + input.strip() + "' is not a GitHub login or github.com address");
    }

    /** A bare login, lower-cased, or why it breaks GitHub's rules. */
    public static Normalized normalizeLogin(String login) {
        String l = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (l.isEmpty()) {
            return Normalized.rejected("the GitHub login is empty");
        }
        if (!LOGIN.matcher(l).matches()) {
            return Normalized.rejected("'" + login.strip() + "' is not a valid GitHub login (letters, digits and single"
                    + " hyphens, at most 39 characters, not starting or ending with a hyphen)");
        }
        return Normalized.of(l);
    }

    private static Normalized fromPath(List<String> path, int index, String input) {
        if (path.size() <= index) {
            return Normalized.rejected("'" + input.strip() + "' does not name an organisation or user");
        }
        String first = path.get(index).toLowerCase(Locale.ROOT);
        if (index == 0 && ACCOUNT_PATHS.contains(first)) {
            return fromPath(path, 1, input);
        }
        if (SITE_PAGES.contains(first)) {
            return Normalized.rejected("'" + input.strip() + "' is a GitHub site page, not an organisation");
        }
        return normalizeLogin(path.get(index));
    }
}
