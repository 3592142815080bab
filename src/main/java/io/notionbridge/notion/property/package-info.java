/**
 * Notion property values in both directions. Reading: {@link io.notionbridge.notion.property.PropertyReader} turns a
 * property value into a plain Java value and {@link io.notionbridge.notion.property.PageReader} a page into a flat
 * {@link io.notionbridge.notion.property.PageView}. Writing: {@link io.notionbridge.notion.property.PropertyValues}
 * and {@link io.notionbridge.notion.property.PropertiesBuilder} build request JSON and enforce Notion's request limits
 * before anything is sent.
 */
package io.notionbridge.notion.property;
