package io.notionbridge.config;

/**
 * A problem the user can fix (bad configuration, unreachable database, missing file). Its message is one line that
 * says what is wrong and what to do; the CLI prints it as is and exits non-zero.
 */
public class BridgeException extends RuntimeException {
    private final int exitCode;

    public BridgeException(String message) {
        this(message, 1, null);
    }

    public BridgeException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public BridgeException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
