package io.notionbridge.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "''{0}'' -> {1} ms")
    @CsvSource({"49, 49000", "0, 0", "' 7 ', 7000", "1.5, 1500", "2.25, 2250", "421, 421000",
            "'Wed, 21 Oct 2015 07:30:30 GMT', 150000", "'Wed, 21 Oct 2015 07:00:00 GMT', 0"})
    void reads_seconds_and_http_dates(String header, long millis) {
        assertEquals(Optional.of(Duration.ofMillis(millis)), RetryAfter.parse(header, NOW));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "-1", "soon", "1e3", "49s", "0x10", "Wed, 32 Oct 2015 07:30:30 GMT",
            "2015-10-21T07:30:30Z", "99999999999999999999999"})
    void ignores_anything_else(String header) {
        assertEquals(Optional.empty(), RetryAfter.parse(header, NOW));
    }

    @Test
    void a_long_wait_is_kept_as_is() {
        assertEquals(Optional.of(Duration.ofHours(2)), RetryAfter.parse("7200", NOW));
    }
}
