package io.notionbridge.discovery;

/** What the {@link VerificationGate} decides for a company's evidence. */
public enum GateDecision {
    /** Score at or above the auto-push threshold (and, in strict mode, 2 or more sources): create it in the CRM. */
    AUTO_PUSH,
    /** Score at or above the review threshold: push it for a person to check. */
    NEEDS_REVIEW,
    /** Score below the review threshold, or no evidence yet: keep it and wait for more signals. */
    HOLD,
    /** A hard-kill signal (such as {@code company_dissolved}) was seen: never push it. */
    REJECT
}
