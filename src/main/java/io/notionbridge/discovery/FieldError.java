package io.notionbridge.discovery;

/**
 * One problem with one field of one signal in an intake request.
 *
 * @param item  the signal's position in the request (0 for a single object)
 * @param field the field's name as in the signal's JSON ({@code confidence}, {@code detected_at}); {@code item} when
 *              the item as a whole is wrong, {@code identity} when no canonical key can be built from its hints
 * @param error what is wrong and what is expected
 */
public record FieldError(int item, String field, String error) {
}
