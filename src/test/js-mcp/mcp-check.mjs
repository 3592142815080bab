// Checks the bridge's MCP endpoint with the official MCP TypeScript SDK client (@modelcontextprotocol/sdk) over the
// Streamable HTTP transport, as an AI client would use it.
// Env: MCP_URL (e.g. http://127.0.0.1:8080/mcp), MCP_TOKEN (the bridge's BRIDGE_ADMIN_TOKEN).
// Prints each check; exits non-zero on the first failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = process.env.MCP_URL;
const token = process.env.MCP_TOKEN;

function check(condition, what) {
  if (!condition) {
    throw new Error("FAILED: " + what);
  }
  console.log("ok - " + what);
}

function text(result) {
  return (result.content || []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
}

async function main() {
  check(url && token, "MCP_URL and MCP_TOKEN are set");

  const anonymous = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18" } }),
  });
  check(anonymous.status === 401, "without the token the endpoint answers 401 (got " + anonymous.status + ")");
  check((anonymous.headers.get("www-authenticate") || "").startsWith("Bearer"), "the 401 asks for a Bearer token");

  const client = new Client({ name: "notion-bridge-mcp-check", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: "Bearer " + token } },
  });
  await client.connect(transport);
  check(client.getServerVersion()?.name === "notion-bridge", "connected; the server is notion-bridge " + client.getServerVersion()?.version);
  check(typeof transport.sessionId === "string" && transport.sessionId.length > 0, "the server issued an Mcp-Session-Id");
  check(transport.protocolVersion === "2025-06-18", "protocol revision negotiated: " + transport.protocolVersion);
  check(client.getServerCapabilities()?.tools !== undefined, "the server declares the tools capability");

  await client.ping();
  check(true, "ping answered");

  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  check(JSON.stringify(names) === JSON.stringify(["push-batch", "stats", "sync-suppression-cache", "sync-warehouse"]),
    "listTools has the 4 tools: " + names.join(", "));
  const sync = tools.find((t) => t.name === "sync-suppression-cache");
  check(sync.inputSchema.type === "object" && sync.inputSchema.properties.dry_run.type === "boolean",
    "sync-suppression-cache takes dry_run (boolean)");

  const stats = await client.callTool({ name: "stats", arguments: {} });
  check(!stats.isError, "callTool stats succeeds");
  const jobs = stats.structuredContent?.jobs || [];
  check(jobs.some((j) => j.name === "suppression-sync"), "stats lists the suppression-sync job (" + jobs.map((j) => j.name).join(", ") + ")");
  check(JSON.parse(text(stats)).jobs.length === jobs.length, "stats also comes as JSON text content");

  const dry = await client.callTool({ name: "sync-suppression-cache", arguments: { dry_run: true } });
  check(!dry.isError, "callTool sync-suppression-cache {dry_run: true} succeeds: " + text(dry).slice(0, 200));
  check(dry.structuredContent?.dryRun === true, "the run was a dry run");
  check(dry.structuredContent?.pagesFetched > 0, "it read " + dry.structuredContent?.pagesFetched + " CRM pages from the sandbox");

  const push = await client.callTool({ name: "push-batch", arguments: { dry_run: true } });
  check(!push.isError && push.structuredContent?.dry_run === true,
    "push-batch {dry_run: true} succeeds as a dry run: " + text(push).slice(0, 120));
  const actions = (push.structuredContent?.outcomes || []).map((o) => o.action);
  check(push.structuredContent?.processed > 0 && actions.every((a) => !["created", "updated"].includes(a)),
    "the dry run scored " + push.structuredContent?.processed + " companies and wrote nothing: " + [...new Set(actions)].join(", "));

  let invalid = null;
  try {
    await client.callTool({ name: "sync-suppression-cache", arguments: { dry_run: "yes" } });
  } catch (e) {
    invalid = e;
  }
  check(invalid !== null && invalid.code === -32602, "a bad argument is a -32602 error: " + (invalid && invalid.message));

  const session = transport.sessionId;
  await transport.terminateSession();
  const after = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json", Accept: "application/json, text/event-stream",
      Authorization: "Bearer " + token, "Mcp-Session-Id": session, "MCP-Protocol-Version": "2025-06-18",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "ping" }),
  });
  check(after.status === 404, "after DELETE the session is gone (404, got " + after.status + ")");
  await client.close();
  console.log("all MCP checks passed");
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
