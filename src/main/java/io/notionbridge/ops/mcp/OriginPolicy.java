package io.notionbridge.ops.mcp;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may call the MCP endpoint, against DNS rebinding (as the MCP transport spec asks): a request
 * without an {@code Origin} header (any non-browser client) passes; with one, only loopback origins
 * ({@code http://localhost:6274}, {@code http://127.0.0.1}, {@code http://[::1]:3000}) and the configured allow-list
 * ({@code bridge.mcp.allowed-origins}, exact origins such as {@code https://ops.example.com}) pass.
 */
public final class OriginPolicy {

    private final Set<String> allowed = new LinkedHashSet<>();

    public OriginPolicy(List<String> allowedOrigins) {
        for (String o : allowedOrigins) {
            String n = normalize(o);
            if (n != null) {
                allowed.add(n);
            }
        }
    }

    /** From a comma-separated list (empty or null: loopback only). */
    public static OriginPolicy parse(String commaList) {
        return new OriginPolicy(commaList == null ? List.of() : List.of(commaList.split(",")));
    }

    public boolean allows(String origin) {
        if (origin == null) {
            return true;
        }
        String n = normalize(origin);
        if (n == null) {
            return false;
        }
        return isLoopback(n) || allowed.contains(n);
    }

    static boolean isLoopback(String origin) {
        try {
            URI u = URI.create(origin);
            String host = u.getHost();
            if (host == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
                    || host.matches("127(\\.\\d{1,3}){3}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** scheme://host[:port], lower case, no trailing slash; null for "null", blanks and garbage. */
    static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        if (o.isEmpty() || o.equals("null") || !o.contains("://")) {
            return null;
        }
        return o;
    }
}
