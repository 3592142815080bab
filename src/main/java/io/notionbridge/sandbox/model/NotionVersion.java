package io.notionbridge.sandbox.model;

import java.util.Arrays;
import java.util.Optional;

/** The {@code Notion-Version} values the sandbox honours, each with its own request and response shapes. */
public enum NotionVersion {
    /** Old database endpoints: database objects carry {@code properties}, query via {@code /v1/databases/{id}/query}. */
    V2022_06_28("2022-06-28"),
    /** Data sources; {@code archived} and {@code in_trash} both present. */
    V2025_09_03("2025-09-03"),
    /** Data sources; only {@code in_trash}. */
    V2026_03_11("2026-03-11");

    private final String header;

    NotionVersion(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public static Optional<NotionVersion> of(String header) {
        return Arrays.stream(values()).filter(v -> v.header.equals(header == null ? null : header.trim())).findFirst();
    }

    /** True for versions with the data source model (2025-09-03 and later). */
    public boolean dataSources() {
        return this != V2022_06_28;
    }

    /** True for versions that still read and write the deprecated {@code archived} alias. */
    public boolean archivedAlias() {
        return this != V2026_03_11;
    }

    /** The value of the list {@code type} for query and search results. */
    public String listType() {
        return dataSources() ? "page_or_data_source" : "page_or_database";
    }
}
