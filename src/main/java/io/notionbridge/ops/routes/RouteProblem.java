package io.notionbridge.ops.routes;

/** One problem in a route file: the file as the user named it, the line (1-based; 0 when unknown) and what is wrong. */
public record RouteProblem(String file, int line, String message) implements Comparable<RouteProblem> {

    /** {@code FILE:LINE: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ": " + message;
    }

    @Override
    public int compareTo(RouteProblem o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
