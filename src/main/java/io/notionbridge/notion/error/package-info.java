/**
 * Notion's error bodies as typed exceptions. {@link io.notionbridge.notion.error.NotionErrors} turns an HTTP error
 * answer into the right subclass of {@link io.notionbridge.notion.error.NotionApiException}; every message names the
 * status, Notion's code, the endpoint and the request id so that one log line is enough to ask Notion support.
 */
package io.notionbridge.notion.error;
