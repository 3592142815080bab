package io.notionbridge.ops.mcp;

import java.util.List;

/** A job offered as an MCP tool: the tool's name, the job it runs, a title, what it does, and its arguments. */
public record JobTool(String name, String job, String title, String description, List<ToolArg> args) {

    public JobTool {
        args = List.copyOf(args);
    }
}
