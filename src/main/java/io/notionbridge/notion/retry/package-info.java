/**
 * When to try a Notion call again and how long to wait: {@link io.notionbridge.notion.retry.RetryPolicy} decides per
 * failure, {@link io.notionbridge.notion.retry.Backoff} computes jittered delays. Pure functions; the gateway sleeps.
 */
package io.notionbridge.notion.retry;
