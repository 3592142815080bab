/**
 * Recognises what a JSON payload is (page, list, automation webhook, integration webhook event) and reads the pages
 * in it, for the {@code inspect} command and for anyone who needs to know what the bridge reads from a payload.
 */
package io.notionbridge.notion.inspect;
