package io.notionbridge.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NotionRequestTest {

    @ParameterizedTest(name = "{0} {1}: read={2} write={3} safeToRetry={4}")
    @CsvSource({
            "GET,    /v1/pages/abc,                          true,  false, true",
            "GET,    /v1/blocks/abc/children,                true,  false, true",
            "POST,   /v1/data_sources/ds1/query,             true,  false, true",
            "POST,   /v1/databases/db1/query,                true,  false, true",
            "POST,   /v1/search,                             true,  false, true",
            "POST,   /v1/pages,                              false, true,  false",
            "POST,   /v1/data_sources,                       false, true,  false",
            "POST,   /v1/pages/abc/move,                     false, true,  false",
            "POST,   /v1/data_sources/ds1/query/extra,       false, true,  false",
            "POST,   /v1/search/more,                        false, true,  false",
            "PATCH,  /v1/pages/abc,                          false, true,  false",
            "PATCH,  /v1/data_sources/ds1/query,             false, true,  false",
            "DELETE, /v1/blocks/abc,                         false, true,  true",
    })
    void reads_writes_and_retry_safety(NotionRequest.Method method, String path, boolean read, boolean write,
                                       boolean safe) {
        NotionRequest r = new NotionRequest(method, path, null, null);
        assertEquals(read, r.isRead());
        assertEquals(write, r.isWrite());
        assertEquals(safe, r.safeToRetry());
    }

    @Test
    void factories_build_the_documented_calls() {
        assertEquals("POST /v1/data_sources/ds-1/query", NotionRequest.query("ds-1", null).endpoint());
        assertEquals("{}", NotionRequest.query("ds-1", null).body().toString());
        assertEquals("POST /v1/search", NotionRequest.search(null).endpoint());
        assertEquals("GET /v1/users/me", NotionRequest.get("/v1/users/me").toString());
        assertEquals(NotionRequest.Method.PATCH, NotionRequest.patch("/v1/pages/p", NotionJson.object()).method());
        assertNull(NotionRequest.delete("/v1/blocks/b").body());
        assertThrows(IllegalArgumentException.class, () -> NotionRequest.query("a/b", null));
        assertThrows(IllegalArgumentException.class, () -> NotionRequest.query(" ", null));
        assertThrows(IllegalArgumentException.class, () -> NotionRequest.get("v1/pages"));
        assertThrows(IllegalArgumentException.class, () -> NotionRequest.get("/v1/pages?x=1"));
    }

    @Test
    void query_parameters_keep_order_repeat_and_encode() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("page_size", "100");
        q.put("start_cursor", "s:a b+c");
        NotionRequest r = NotionRequest.get("/v1/blocks/b/children", q)
                .withAddedQueryParam("filter_properties", "ti%tle")
                .withAddedQueryParam("filter_properties", "J|?|");
        assertEquals("page_size=100&start_cursor=s%3Aa%20b%2Bc&filter_properties=ti%25tle&filter_properties=J%7C%3F%7C",
                r.queryString());
        assertEquals("/v1/blocks/b/children?" + r.queryString(), r.uri());
        NotionRequest replaced = r.withQueryParam("page_size", "50").withoutQueryParam("start_cursor");
        assertEquals(List.of("page_size", "filter_properties"), List.copyOf(replaced.query().keySet()));
        assertEquals(List.of("50"), replaced.query().get("page_size"));
        assertEquals("/v1/users", NotionRequest.get("/v1/users").uri());
    }

    @Test
    void body_is_copied_so_later_changes_do_not_leak_in() {
        ObjectNode body = NotionJson.object().put("page_size", 10);
        NotionRequest r = NotionRequest.post("/v1/pages", body);
        body.put("page_size", 99);
        assertEquals(10, r.body().get("page_size").asInt());
    }
}
