// A plain loop with the official Notion JS SDK: the way a script calls Notion without a gateway.
// Env: NOTION_BASE_URL, NOTION_TOKEN, REQUESTS. Prints one JSON line: {requests, ok, failed, elapsed_ms}.
import { Client } from "@notionhq/client";

const notion = new Client({ auth: process.env.NOTION_TOKEN, baseUrl: process.env.NOTION_BASE_URL, notionVersion: "2025-09-03" });
const n = Number(process.env.REQUESTS || "100");
let ok = 0, failed = 0;
const started = Date.now();
for (let i = 0; i < n; i++) {
  try {
    await notion.users.me({});
    ok++;
  } catch (e) {
    failed++;
  }
}
console.log(JSON.stringify({ requests: n, ok, failed, elapsed_ms: Date.now() - started }));
