package io.notionbridge.notion.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.notionbridge.notion.Fixtures;
import io.notionbridge.notion.NotionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotionErrorsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-07-04T09:00:00Z"), ZoneOffset.UTC);

    private static NotionApiException fixture(String name) {
        String body = Fixtures.text(name);
        int status = Fixtures.parse(body).get("status").asInt();
        return NotionErrors.fromResponse(status, Map.of(), body);
    }

    @Test
    void recorded_400_invalid_request_url() {
        NotionApiException e = fixture("error_400_invalid_request_url.json");
        assertInstanceOf(NotionValidationException.class, e);
        assertEquals(400, e.status());
        assertEquals("invalid_request_url", e.code());
        assertEquals("Invalid request URL.", e.notionMessage());
        assertEquals("d7a11923-e694-4dea-9924-468fe422c571", e.requestId());
        assertEquals("Notion 400 invalid_request_url: Invalid request URL. (request_id d7a11923-e694-4dea-9924-468fe422c571)",
                e.getMessage());
        assertFalse(((NotionValidationException) e).clientSide());
    }

    @Test
    void recorded_400_validation_error_without_request_id() {
        NotionApiException e = fixture("error_400_validation_error.json");
        assertInstanceOf(NotionValidationException.class, e);
        assertEquals("validation_error", e.code());
        assertNull(e.requestId());
        assertTrue(e.getMessage().contains("validation_error") && e.getMessage().endsWith("(no request_id)"));
    }

    @Test
    void recorded_401_unauthorized() {
        NotionApiException e = fixture("error_401_unauthorized.json");
        assertInstanceOf(NotionUnauthorizedException.class, e);
        assertEquals("API token is invalid.", e.notionMessage());
        assertEquals("17359c46-ca0d-4156-be70-12a5eebc3346", e.requestId());
    }

    @Test
    void recorded_404_with_additional_data_and_endpoint() {
        String body = Fixtures.text("error_404_object_not_found_additional_data.json");
        NotionRequest get = NotionRequest.get("/v1/pages/00000000-0000-0000-0000-000000000000");
        NotionApiException e = NotionErrors.fromResponse(get, 404, Map.of(), body);
        assertInstanceOf(NotionObjectNotFoundException.class, e);
        assertEquals(Optional.of("7775f3a3-893f-43fa-b625-460c61094c78"), e.additional("integration_id"));
        assertEquals("GET /v1/pages/00000000-0000-0000-0000-000000000000", e.endpoint());
        assertTrue(e.getMessage().startsWith("Notion 404 object_not_found on GET /v1/pages/00000000-"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(request_id 55e80b46-6675-426f-9eb0-1fa1456e4103)"), e.getMessage());
    }

    @Test
    void every_error_fixture_parses_to_a_typed_error_with_its_code() {
        List<String> errors = Fixtures.names().stream().filter(n -> n.startsWith("error_")).toList();
        assertFalse(errors.isEmpty());
        for (String name : errors) {
            NotionApiException e = fixture(name);
            assertEquals(Fixtures.json(name).get("code").asText(), e.code(), name);
            assertTrue(e.getClass() != NotionApiException.class, name + " should map to a subclass");
            assertTrue(e.getMessage().contains(e.code()), name);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            "400, NotionValidationException,         invalid_request",
            "401, NotionUnauthorizedException,       unauthorized",
            "403, NotionRestrictedResourceException, restricted_resource",
            "404, NotionObjectNotFoundException,     object_not_found",
            "409, NotionConflictException,           conflict_error",
            "429, NotionRateLimitedException,        rate_limited",
            "529, NotionRateLimitedException,        service_overload",
            "500, NotionUnavailableException,        internal_server_error",
            "502, NotionUnavailableException,        bad_gateway",
            "503, NotionUnavailableException,        service_unavailable",
            "504, NotionUnavailableException,        gateway_timeout",
            "522, NotionUnavailableException,        http_522",
            "418, NotionApiException,                http_418",
    })
    void statuses_map_to_types_even_without_a_notion_body(int status, String type, String code) {
        NotionApiException e = NotionErrors.fromResponse(status, Map.of(), "");
        assertEquals(type, e.getClass().getSimpleName());
        assertEquals(code, e.code());
        assertEquals(status, e.status());
    }

    @Test
    void cloudflare_html_is_tolerated_and_the_request_id_comes_from_the_header() {
        String html = "<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>"
                + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>";
        NotionApiException e = NotionErrors.fromResponse(502, Map.of("Content-Type", List.of("text/html"),
                "CF-RAY", List.of("8a1b2c3d4e5f-FRA"), "X-Notion-Request-Id", List.of("req-123")), html);
        assertInstanceOf(NotionUnavailableException.class, e);
        assertEquals("bad_gateway", e.code());
        assertEquals("req-123", e.requestId());
        assertTrue(e.notionMessage().contains("502 Bad Gateway 502 Bad Gateway cloudflare"), e.notionMessage());
        assertFalse(e.notionMessage().contains("color:red"), e.notionMessage());
        assertTrue(e.notionMessage().contains("cf-ray 8a1b2c3d4e5f-FRA"), e.notionMessage());
        assertTrue(e.getMessage().contains("(request_id req-123)"));
    }

    @Test
    void json_that_is_not_an_error_object_falls_back_to_the_status() {
        NotionApiException e = NotionErrors.fromResponse(503, Map.of(), "[1,2,3]");
        assertEquals("service_unavailable", e.code());
        assertTrue(e.notionMessage().contains("not a Notion error"));
        assertEquals("empty response body", NotionErrors.fromResponse(500, null, null).notionMessage());
    }

    @Test
    void the_body_request_id_wins_over_the_header() {
        String body = Fixtures.text("error_401_unauthorized.json");
        NotionApiException e = NotionErrors.fromResponse(401, Map.of("x-notion-request-id", List.of("other")), body);
        assertEquals("17359c46-ca0d-4156-be70-12a5eebc3346", e.requestId());
    }

    @Test
    void rate_limit_reads_retry_after_header_reason_and_blocked() {
        String body = "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\",\"message\":\"You have been rate "
                + "limited. Please try again in a few minutes.\",\"request_id\":\"r1\",\"additional_data\":"
                + "{\"rate_limit_reason\":\"public_api_space_request_rate_limit\",\"retry_after\":\"49\"}}";
        NotionRateLimitedException e = (NotionRateLimitedException) NotionErrors.fromResponse(null, 429,
                Map.of("retry-after", List.of("421")), body, NOW);
        assertEquals(Optional.of(Duration.ofSeconds(421)), e.retryAfter(), "the header wins");
        assertEquals(Optional.of("public_api_space_request_rate_limit"), e.rateLimitReason());
        assertFalse(e.isBlocked());
        assertFalse(e.isOverload());
        assertTrue(e.getMessage().contains("retry after 421000 ms"), e.getMessage());

        NotionRateLimitedException noHeader = (NotionRateLimitedException) NotionErrors.fromResponse(null, 429,
                Map.of(), body, NOW);
        assertEquals(Optional.of(Duration.ofSeconds(49)), noHeader.retryAfter(), "additional_data.retry_after");

        NotionRateLimitedException dated = (NotionRateLimitedException) NotionErrors.fromResponse(null, 529,
                Map.of("Retry-After", List.of("Sat, 04 Jul 2026 09:01:00 GMT")), "", NOW);
        assertEquals(Optional.of(Duration.ofMinutes(1)), dated.retryAfter());
        assertTrue(dated.isOverload());

        String blocked = body.replace("public_api_space_request_rate_limit", "public_api_request_blocked");
        NotionRateLimitedException b = (NotionRateLimitedException) NotionErrors.fromResponse(429, Map.of(), blocked);
        assertTrue(b.isBlocked());

        NotionRateLimitedException none = (NotionRateLimitedException) NotionErrors.fromResponse(429,
                Map.of("Retry-After", List.of("later")), "");
        assertEquals(Optional.empty(), none.retryAfter());
    }

    @Test
    void additional_data_arrays_are_joined() {
        String body = "{\"object\":\"error\",\"status\":503,\"code\":\"service_unavailable\",\"message\":\"x\","
                + "\"additional_data\":{\"retry_guidance\":[\"Read the object again\",\"Do not repeat the write\"]}}";
        NotionApiException e = NotionErrors.fromResponse(503, Map.of(), body);
        assertEquals(Optional.of("Read the object again; Do not repeat the write"), e.additional("retry_guidance"));
        assertEquals(Optional.empty(), e.additional("missing"));
    }

    @Test
    void client_side_validation_names_the_property() {
        NotionValidationException e = NotionValidationException.forProperty("Why Now", "too long");
        assertEquals("property 'Why Now': too long", e.getMessage());
        assertTrue(e.clientSide());
        assertEquals("validation_error", e.code());
    }

    @Test
    void outcome_unknown_keeps_the_request_and_the_notion_details() {
        NotionRequest create = NotionRequest.post("/v1/pages", null);
        NotionApiException cause = NotionErrors.fromResponse(503, Map.of("x-notion-request-id", List.of("rq")), "");
        NotionOutcomeUnknownException e = new NotionOutcomeUnknownException(create, cause);
        assertEquals(create, e.request());
        assertEquals(503, e.status());
        assertEquals("rq", e.requestId());
        assertEquals("POST /v1/pages", e.endpoint());
        assertTrue(e.getMessage().startsWith("outcome unknown: POST /v1/pages may have been applied"), e.getMessage());
        assertTrue(e.getMessage().contains("request_id rq"), e.getMessage());
        NotionOutcomeUnknownException io = new NotionOutcomeUnknownException(create,
                new java.net.SocketTimeoutException("Read timed out"));
        assertEquals("outcome_unknown", io.code());
        assertTrue(io.getMessage().contains("SocketTimeoutException: Read timed out"), io.getMessage());
    }
}
