// Checks that the official Notion JS SDK (@notionhq/client) works against the Notion sandbox.
// Env: NOTION_BASE_URL, NOTION_TOKEN, NOTION_DATA_SOURCE_ID (a data source with a title property "Name",
// a status "Status" and a number "Confidence", like the sandbox's demo CRM), optional NOTION_VERSION.
// Prints each check; exits non-zero on the first failure.
import { Client, isFullPage, isFullDataSource } from "@notionhq/client";

const baseUrl = process.env.NOTION_BASE_URL;
const auth = process.env.NOTION_TOKEN;
const dataSourceId = process.env.NOTION_DATA_SOURCE_ID;
const notionVersion = process.env.NOTION_VERSION || "2025-09-03";

function check(condition, what) {
  if (!condition) {
    throw new Error("FAILED: " + what);
  }
  console.log("ok - " + what);
}

async function main() {
  check(baseUrl && auth && dataSourceId, "NOTION_BASE_URL, NOTION_TOKEN and NOTION_DATA_SOURCE_ID are set");
  const notion = new Client({ auth, baseUrl, notionVersion, retry: false });

  const me = await notion.users.me({});
  check(me.object === "user" && me.type === "bot", "users.me returns the bot");

  const ds = await notion.dataSources.retrieve({ data_source_id: dataSourceId });
  check(isFullDataSource(ds) && ds.id === dataSourceId, "dataSources.retrieve returns the data source");
  check(ds.properties.Name && ds.properties.Name.type === "title", "the data source schema has the title property Name");

  const filter = {
    or: [
      { property: "Status", status: { equals: "Won" } },
      { property: "Status", status: { equals: "Qualified" } },
    ],
  };
  let cursor = undefined;
  let pages = 0;
  const seen = new Set();
  do {
    const res = await notion.dataSources.query({ data_source_id: dataSourceId, filter, page_size: 2, start_cursor: cursor });
    check(res.object === "list" && res.results.length <= 2, `query page ${pages + 1} has at most 2 results`);
    for (const p of res.results) {
      check(isFullPage(p), "each result is a full page");
      const status = p.properties.Status.status.name;
      check(status === "Won" || status === "Qualified", `result ${p.id} matches the filter (${status})`);
      check(!seen.has(p.id), "no page is returned twice");
      seen.add(p.id);
    }
    cursor = res.has_more ? res.next_cursor : undefined;
    check(res.has_more === (res.next_cursor !== null), "has_more agrees with next_cursor");
    pages++;
  } while (cursor);
  check(pages > 1 && seen.size > 2, `followed cursors through ${pages} pages (${seen.size} results)`);

  const created = await notion.pages.create({
    parent: { type: "data_source_id", data_source_id: dataSourceId },
    properties: {
      Name: { title: [{ text: { content: "Created by the JS SDK" } }] },
      Status: { status: { name: "Tracking" } },
    },
  });
  check(isFullPage(created) && created.properties.Name.title[0].plain_text === "Created by the JS SDK",
    "pages.create returns the new page");

  const updated = await notion.pages.update({
    page_id: created.id,
    properties: { Confidence: { number: 0.42 }, Status: { status: { name: "Qualified" } } },
  });
  check(updated.properties.Confidence.number === 0.42 && updated.properties.Status.status.name === "Qualified",
    "pages.update changes the properties");

  const again = await notion.pages.retrieve({ page_id: created.id });
  check(again.properties.Confidence.number === 0.42, "pages.retrieve reads the update back");

  try {
    await notion.pages.update({ page_id: created.id, properties: { Nope: { number: 1 } } });
    check(false, "an unknown property is refused");
  } catch (e) {
    check(e.code === "validation_error" && e.status === 400, "an unknown property is refused with validation_error");
  }
  console.log("all SDK checks passed");
}

main().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exit(1);
});
