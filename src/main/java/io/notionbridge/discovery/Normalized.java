package io.notionbridge.discovery;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of normalising one identity hint: either the canonical value, or the reason there is none.
 * A missing value is never an exception, because most hints are optional and the caller falls back to the next one.
 */
public final class Normalized {
    private final String value;
    private final String reason;

    private Normalized(String value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    /** A canonical value. */
    public static Normalized of(String value) {
        return new Normalized(Objects.requireNonNull(value, "value"), null);
    }

    /** No value, and why (one human-readable sentence without a trailing full stop). */
    public static Normalized rejected(String reason) {
        return new Normalized(null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The canonical value, empty when rejected. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** Why there is no value, empty when there is one. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The value, or an {@link IllegalArgumentException} carrying the reason. */
    public String orElseThrow() {
        if (value == null) {
            throw new IllegalArgumentException(reason);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalized n && Objects.equals(value, n.value) && Objects.equals(reason, n.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, reason);
    }

    @Override
    public String toString() {
        return value != null ? value : "rejected: " + reason;
    }
}
