/**
 * Walking Notion's cursor-paginated lists ({@link io.notionbridge.notion.pagination.Paginator}) completely and
 * finitely: opaque cursors, page size 100, loud failure on a repeated cursor, and a split into {@code created_time}
 * windows when a data-source query hits Notion's 10,000-result cap.
 */
package io.notionbridge.notion.pagination;
