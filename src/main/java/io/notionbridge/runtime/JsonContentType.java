package io.notionbridge.runtime;

import java.util.Locale;

/**
 * The media type check of endpoints that take a JSON body: {@code application/json} (any parameters, such as
 * {@code charset=utf-8}) or a {@code +json} type passes, and so does a request without {@code Content-Type} (read as
 * JSON). Any other type (a form, multipart, text, XML) is refused with 415, before the body is read.
 */
public final class JsonContentType {

    /** Throws 415 {@code unsupported_media_type} unless {@code contentType} is JSON or absent. */
    public void require(String contentType) {
        if (!isJsonOrAbsent(contentType)) {
            throw new HttpProblem(415, "unsupported_media_type", "Content-Type '" + clip(contentType.strip())
                    + "' is not accepted: send the body as JSON with Content-Type: application/json");
        }
    }

    static boolean isJsonOrAbsent(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
