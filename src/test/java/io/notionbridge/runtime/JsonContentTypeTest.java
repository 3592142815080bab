package io.notionbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** JSON bodies only: application/json (any parameters), +json types, or no Content-Type; anything else is 415. */
class JsonContentTypeTest {

    private final JsonContentType check = new JsonContentType();

    @Test
    void jsonOrNoTypePasses() {
        for (String ok : new String[] {null, "", "application/json", "application/json; charset=utf-8",
                "Application/JSON", "application/merge-patch+json"}) {
            check.require(ok);
        }
    }

    @Test
    void otherTypesAre415NamingTheType() {
        for (String bad : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain", "application/xml", "text/json", "application/jsonp"}) {
            assertThatThrownBy(() -> check.require(bad)).as(bad).isInstanceOfSatisfying(HttpProblem.class, p -> {
                assertThat(p.status()).isEqualTo(415);
                assertThat(p.code()).isEqualTo("unsupported_media_type");
                assertThat(p.getMessage()).isEqualTo("Content-Type '" + bad + "' is not accepted: send the body as JSON "
                        + "with Content-Type: application/json");
            });
        }
    }
}
