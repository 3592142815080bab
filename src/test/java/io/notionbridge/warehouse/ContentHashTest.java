package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionJson;
import org.junit.jupiter.api.Test;

/** The content hash: changes with content and completed values, not with Notion's fresh signed file URLs. */
class ContentHashTest {

    private static JsonNode json(String s) throws Exception {
        return NotionJson.MAPPER.readTree(s.replace('\'', '"'));
    }

    @Test
    void changesWithTheContent() throws Exception {
        JsonNode a = json("{'id':'p','properties':{'Name':{'title':[{'plain_text':'A'}]}}}");
        JsonNode b = json("{'id':'p','properties':{'Name':{'title':[{'plain_text':'B'}]}}}");
        assertThat(ContentHash.of(a, null)).hasSize(64).isEqualTo(ContentHash.of(a.deepCopy(), null))
                .isNotEqualTo(ContentHash.of(b, null));
    }

    @Test
    void changesWithTheCompletedValues() throws Exception {
        JsonNode page = json("{'id':'p'}");
        assertThat(ContentHash.of(page, json("{'Rel':{'relation':[{'id':'1'}]}}")))
                .isNotEqualTo(ContentHash.of(page, json("{'Rel':{'relation':[{'id':'1'},{'id':'2'}]}}")))
                .isNotEqualTo(ContentHash.of(page, null));
    }

    @Test
    void ignoresTheSignedUrlOfNotionHostedFiles() throws Exception {
        JsonNode first = json("{'id':'p','icon':{'type':'file','file':{'url':'https://s3/x?sig=1','expiry_time':'2026-07-04T10:00:00Z'}},"
                + "'properties':{'F':{'type':'files','files':[{'name':'a.pdf','type':'file','file':{'url':'https://s3/a?sig=1',"
                + "'expiry_time':'2026-07-04T10:00:00Z'}}]}}}");
        JsonNode later = json("{'id':'p','icon':{'type':'file','file':{'url':'https://s3/x?sig=2','expiry_time':'2026-07-04T11:00:00Z'}},"
                + "'properties':{'F':{'type':'files','files':[{'name':'a.pdf','type':'file','file':{'url':'https://s3/a?sig=2',"
                + "'expiry_time':'2026-07-04T11:00:00Z'}}]}}}");
        JsonNode renamed = json(later.toString().replace("a.pdf", "b.pdf"));
        assertThat(ContentHash.of(first, null)).isEqualTo(ContentHash.of(later, null)).isNotEqualTo(ContentHash.of(renamed, null));
        assertThat(first.path("icon").path("file").path("url").asText()).as("the page itself is untouched")
                .isEqualTo("https://s3/x?sig=1");
    }

    @Test
    void externalFilesCountWithTheirUrl() throws Exception {
        JsonNode a = json("{'cover':{'type':'external','external':{'url':'https://a'}}}");
        JsonNode b = json("{'cover':{'type':'external','external':{'url':'https://b'}}}");
        assertThat(ContentHash.of(a, null)).isNotEqualTo(ContentHash.of(b, null));
    }
}
