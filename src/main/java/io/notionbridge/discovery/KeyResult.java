package io.notionbridge.discovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CanonicalKeyBuilder} made of a signal's hints: the key and the hint it came from, or why there is no key.
 * {@link #skipped()} lists the hints that were given but unusable, so a caller can log why a weaker key was chosen.
 */
public final class KeyResult {
    private final CanonicalKey key;
    private final IdentityHints.Hint hint;
    private final String failure;
    private final List<String> skipped;

    private KeyResult(CanonicalKey key, IdentityHints.Hint hint, String failure, List<String> skipped) {
        this.key = key;
        this.hint = hint;
        this.failure = failure;
        this.skipped = List.copyOf(skipped);
    }

    static KeyResult found(CanonicalKey key, IdentityHints.Hint hint, List<String> skipped) {
        return new KeyResult(Objects.requireNonNull(key), Objects.requireNonNull(hint), null, skipped);
    }

    static KeyResult failed(String reason, List<String> skipped) {
        return new KeyResult(null, null, Objects.requireNonNull(reason), skipped);
    }

    /** The key, empty when none could be built. */
    public Optional<CanonicalKey> key() {
        return Optional.ofNullable(key);
    }

    /** The hint the key was built from, empty when there is no key. */
    public Optional<IdentityHints.Hint> hintUsed() {
        return Optional.ofNullable(hint);
    }

    /** Why there is no key, empty when there is one. */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    /** One line per hint given but not usable, in precedence order: {@code "website: 'localhost' is not ..."}. */
    public List<String> skipped() {
        return skipped;
    }

    /** True when there is a key and it is strong. */
    public boolean isStrong() {
        return key != null && key.strong();
    }

    @Override
    public String toString() {
        return key != null ? key + " (from " + hint.field() + ")" : "no key: " + failure;
    }
}
