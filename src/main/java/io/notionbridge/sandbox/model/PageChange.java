package io.notionbridge.sandbox.model;

import java.time.Instant;
import java.util.List;

/** A change to a page, as webhooks report it: what happened, to which page, by whom, when. */
public record PageChange(Type type, String pageId, PageParent parent, String databaseId, List<String> updatedPropertyIds,
                         SandboxUser author, Instant at) {

    public enum Type {
        CREATED("page.created"), PROPERTIES_UPDATED("page.properties_updated"), DELETED("page.deleted"),
        UNDELETED("page.undeleted");

        private final String eventType;

        Type(String eventType) {
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }
    }
}
