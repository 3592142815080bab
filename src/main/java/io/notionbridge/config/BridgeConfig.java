package io.notionbridge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The bridge's configuration as the CLI and the runtime both see it: {@code application.properties} (built into the
 * jar, then the file in the working directory), then {@code application-<profile>.properties} when a profile is
 * chosen, with Camel's {@code {{env:NAME:default}}} placeholders resolved.
 */
public final class BridgeConfig {

    /** Environment variable or system property that chooses the profile (e.g. {@code prod}). */
    public static final String PROFILE_ENV = "CAMEL_MAIN_PROFILE";
    public static final String PROFILE_PROPERTY = "camel.main.profile";

    /** {@code {{env:NAME}}} with no default: the variable is required. */
    private static final java.util.regex.Pattern REQUIRED_ENV = java.util.regex.Pattern.compile("\\{\\{env:([A-Za-z0-9_]+)}}");

    private final CamelContext resolver;
    private final String profile;
    private final String locations;
    private final Properties overrides;

    private BridgeConfig(CamelContext context) {
        this.resolver = context;
        this.profile = null;
        this.locations = String.join(",", context.getPropertiesComponent().getLocations());
        this.overrides = null;
    }

    /** The configuration as a running Camel context sees it (the runtime and route tests). */
    public static BridgeConfig of(CamelContext context) {
        return new BridgeConfig(context);
    }

    private BridgeConfig(String profile, Properties overrides) {
        this.profile = profile;
        this.locations = locations(profile);
        this.overrides = overrides;
        DefaultCamelContext ctx = new DefaultCamelContext(false);
        ctx.getPropertiesComponent().setLocation(locations);
        // values come back as written, so that a required {{env:NAME}} can be reported by name before it is resolved
        ctx.getPropertiesComponent().setNestedPlaceholder(false);
        if (overrides != null && !overrides.isEmpty()) {
            ctx.getPropertiesComponent().setOverrideProperties(overrides);
        }
        ctx.build();
        this.resolver = ctx;
    }

    /** Loads the configuration with the profile named by the environment or system properties, if any. */
    public static BridgeConfig load() {
        return load(null, null);
    }

    public static BridgeConfig load(String profile, Properties overrides) {
        String chosen = profile != null ? profile : chosenProfile().orElse(null);
        return new BridgeConfig(chosen, overrides);
    }

    /** The profile chosen outside the files: {@code -Dcamel.main.profile} or {@code CAMEL_MAIN_PROFILE}. */
    public static Optional<String> chosenProfile() {
        String p = System.getProperty(PROFILE_PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(PROFILE_ENV);
        }
        return p == null || p.isBlank() ? Optional.empty() : Optional.of(p.trim());
    }

    /**
     * Property locations, most specific first (Camel takes a key from the first location that has it): the profile's
     * file in the working directory, the profile's built-in file, {@code ./application.properties}, the built-in one.
     */
    public static String locations(String profile) {
        List<String> list = new ArrayList<>();
        if (profile != null) {
            if (Files.isRegularFile(Path.of("application-" + profile + ".properties"))) {
                list.add("file:application-" + profile + ".properties;optional=true");
            }
            list.add("classpath:application-" + profile + ".properties;optional=true");
        }
        if (Files.isRegularFile(Path.of("application.properties"))) {
            list.add("file:application.properties;optional=true");
        }
        list.add("classpath:application.properties;optional=true");
        return String.join(",", list);
    }

    public String locations() {
        return locations;
    }

    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    /** The properties that win over the files (tests, embedding); empty when none. */
    public Properties overrides() {
        Properties copy = new Properties();
        if (overrides != null) {
            copy.putAll(overrides);
        }
        return copy;
    }

    /** The resolved value of {@code key}, or empty when the key is absent or resolves to an empty string. */
    public Optional<String> get(String key) {
        Optional<String> raw = resolver.getPropertiesComponent().resolveProperty(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        java.util.regex.Matcher required = REQUIRED_ENV.matcher(raw.get());
        while (required.find()) {
            String env = System.getenv(required.group(1));
            if (env == null || env.isBlank()) {
                throw new BridgeException("environment variable " + required.group(1) + " must be set (it gives '" + key + "'"
                        + profile().map(p -> " in profile " + p).orElse("") + ")");
            }
        }
        String value;
        try {
            value = raw.get();
            for (int depth = 0; depth < 5 && value.contains("{{"); depth++) {
                value = resolver.resolvePropertyPlaceholders(value);
            }
            value = value.trim();
        } catch (RuntimeException e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{env:([A-Za-z0-9_]+)}}").matcher(raw.get());
            if (m.find()) {
                throw new BridgeException("environment variable " + m.group(1) + " must be set (it gives '" + key + "'"
                        + profile().map(p -> " in profile " + p).orElse("") + ")", 1, e);
            }
            throw new BridgeException("configuration key '" + key + "' cannot be resolved: " + e.getMessage(), 1, e);
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Every key starting with {@code prefix}, without the prefix, with its resolved non-empty value. */
    public java.util.Map<String, String> withPrefix(String prefix) {
        java.util.Map<String, String> found = new java.util.TreeMap<>();
        for (String key : resolver.getPropertiesComponent().loadProperties(k -> k.startsWith(prefix)).stringPropertyNames()) {
            get(key).ifPresent(v -> found.put(key.substring(prefix.length()), v));
        }
        if (overrides != null) {
            for (String key : overrides.stringPropertyNames()) {
                if (key.startsWith(prefix)) {
                    get(key).ifPresent(v -> found.put(key.substring(prefix.length()), v));
                }
            }
        }
        return found;
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new BridgeException(
                "configuration key '" + key + "' is not set; set it in application.properties or its environment variable"));
    }

    public int getInt(String key, int defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new BridgeException("configuration key '" + key + "' must be a whole number, got '" + v.get() + "'");
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().toLowerCase();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new BridgeException("configuration key '" + key + "' must be true or false, got '" + v.get() + "'");
    }
}
