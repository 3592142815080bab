package io.notionbridge.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parts of a website, domain or e-mail address typed by a person or sent by a collector, taken apart without
 * {@link java.net.URI} (which keeps the host's case and gives no host at all for scheme-less input such as
 * {@code acme.ai/pricing}). Scheme, user info, port, path, query and fragment are split off; the host is returned as
 * written (not yet lower-cased or IDNA-mapped).
 *
 * @param host          the host as written, without brackets for IPv6 literals; empty when there is none
 * @param pathSegments  the non-empty path segments ({@code /Acme-Inc/repo} gives {@code [Acme-Inc, repo]})
 * @param email         true for {@code mailto:} and bare {@code user@host} input
 */
public record WebAddress(String host, List<String> pathSegments, boolean email) {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

    public WebAddress {
        pathSegments = List.copyOf(pathSegments);
    }

    /** Takes {@code input} apart; never fails (an unusable input gives an empty or odd host that later checks reject). */
    public static WebAddress parse(String input) {
        String s = input == null ? "" : input.strip();
        boolean email = false;
        boolean hierarchical = false;
        if (s.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            s = s.substring("mailto:".length());
            email = true;
        }
        var scheme = SCHEME.matcher(s);
        if (scheme.find()) {
            s = s.substring(scheme.end());
            hierarchical = true;
        } else if (s.startsWith("//")) {
            s = s.substring(2);
            hierarchical = true;
        }
        int end = firstIndexOf(s, "/?#\\");
        String authority = end < 0 ? s : s.substring(0, end);
        String rest = end < 0 ? "" : s.substring(end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            email = email || !hierarchical;
            authority = authority.substring(at + 1);
        }
        return new WebAddress(hostOf(authority), segments(rest), email);
    }

    /** True when the address points below the site's root ({@code github.com/acme}, not {@code github.com/?x=1}). */
    public boolean hasPath() {
        return !pathSegments.isEmpty();
    }

    private static String hostOf(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority.substring(1) : authority.substring(1, close);
        }
        int colons = (int) authority.chars().filter(c -> c == ':').count();
        if (colons == 1) {
            return authority.substring(0, authority.indexOf(':'));
        }
        return authority;
    }

    private static List<String> segments(String rest) {
        int end = firstIndexOf(rest, "?#");
        String path = end < 0 ? rest : rest.substring(0, end);
        List<String> out = new ArrayList<>();
        for (String part : path.split("[/\\\\]")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static int firstIndexOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
