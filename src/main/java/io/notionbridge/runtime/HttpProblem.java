package io.notionbridge.runtime;

import java.util.List;

/**
 * An error an HTTP caller must fix, with the status to answer (400, 401, 404, 409, 413, ...), a short code, a
 * message, and optionally one error per bad field or item.
 */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final List<?> errors;

    /** A 404 {@code not_found} (the form Camel's {@code throwException} step creates). */
    public HttpProblem(String message) {
        this(404, "not_found", message);
    }

    public HttpProblem(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public HttpProblem(int status, String code, String message, List<?> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<?> errors() {
        return errors;
    }
}
