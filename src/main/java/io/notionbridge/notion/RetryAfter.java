package io.notionbridge.notion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header: delay-seconds (Notion sends integers, "in decimal"; fractions are accepted) or
 * an HTTP-date (RFC 1123, e.g. {@code Wed, 21 Oct 2015 07:28:00 GMT}). Anything else is ignored rather than guessed.
 */
public final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

    private RetryAfter() {
    }

    /**
     * The wait the header asks for: seconds as given, or the time from {@code clock} to the date (zero when the date
     * has passed). Empty for null, blank, negative, absurdly large or unparseable values.
     */
    public static Optional<Duration> parse(String headerValue, Clock clock) {
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        String v = headerValue.trim();
        if (SECONDS.matcher(v).matches()) {
            try {
                long nanos = new BigDecimal(v).movePointRight(9).setScale(0, RoundingMode.CEILING).longValueExact();
                return Optional.of(Duration.ofNanos(nanos));
            } catch (ArithmeticException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
