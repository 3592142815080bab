/**
 * Plain-Java Notion client logic shared by the Notion gateway route and the flows: request descriptions
 * ({@link io.notionbridge.notion.NotionRequest}), typed errors ({@code error}), retry decisions ({@code retry}),
 * cursor pagination ({@code pagination}), property values in both directions ({@code property}) and payload
 * inspection ({@code inspect}). Nothing here opens a connection or depends on Camel; the gateway does the HTTP call.
 */
package io.notionbridge.notion;
