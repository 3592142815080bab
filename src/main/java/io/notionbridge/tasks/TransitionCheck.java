package io.notionbridge.tasks;

/**
 * The answer of {@link TaskTransitions#check}: allowed, or the reason it is not (the text of a 409 answer).
 *
 * @param allowed whether the move is allowed
 * @param reason  why not; empty when allowed
 */
public record TransitionCheck(boolean allowed, String reason) {

    private static final TransitionCheck OK = new TransitionCheck(true, "");

    public static TransitionCheck ok() {
        return OK;
    }

    public static TransitionCheck refused(String reason) {
        return new TransitionCheck(false, reason);
    }
}
