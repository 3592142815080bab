package io.notionbridge.tasks;

import java.util.List;

/**
 * The verdict of {@link TaskValidator}: valid, or the reasons the entry stays a draft.
 *
 * @param valid   true when there are no reasons
 * @param reasons what is wrong, one short sentence each, in field order
 */
public record ValidationResult(boolean valid, List<String> reasons) {

    public ValidationResult {
        reasons = List.copyOf(reasons);
        if (valid != reasons.isEmpty()) {
            throw new IllegalArgumentException("a result is valid exactly when it has no reasons");
        }
    }

    /** The result for {@code reasons}: valid when there are none. */
    public static ValidationResult of(List<String> reasons) {
        return new ValidationResult(reasons.isEmpty(), reasons);
    }
}
