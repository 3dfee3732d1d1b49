#!/usr/bin/env python3
"""Evaluation set: realistic release pairs modelled on the public reference MCP servers (compat.md §5).

Each line of pairs.jsonl: {"name", "lesson", "old", "new", "bump": minimal required bump,
"breaking": [target prefixes that must carry a breaking change], "harmless": true when only descriptions or
representation change (no breaking change allowed)}. Labels were written by hand from the release notes' intent,
not from the analyzer's output. Run: python3 gen_evaluation.py > pairs.jsonl
"""
import copy, json

S = {"type": "string"}
I = {"type": "integer"}
B = {"type": "boolean"}

def obj(props, required=(), **extra):
    o = {"type": "object", "properties": props}
    if required:
        o["required"] = list(required)
    o.update(extra)
    return o

def tool(name, input, description="", **extra):
    t = {"name": name, "description": description, "inputSchema": input}
    t.update(extra)
    return t

def surface(name, version, tools, **extra):
    s = {"server": {"name": name, "version": version},
         "initialize": {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}},
                        "serverInfo": {"name": name, "version": version}},
         "tools": tools}
    for k, v in extra.items():
        s[k] = v
    return s

# ---------------------------------------------------------------- a filesystem-like server
def fs_tools():
    return [
        tool("read_text_file", obj({"path": S, "head": {"type": "number"}, "tail": {"type": "number"}}, ["path"]),
             "Read the complete contents of a file from the file system as text."),
        tool("read_multiple_files", obj({"paths": {"type": "array", "items": S}}, ["paths"]),
             "Read the contents of multiple files simultaneously."),
        tool("write_file", obj({"path": S, "content": S}, ["path", "content"]),
             "Create a new file or completely overwrite an existing file with new content."),
        tool("list_directory", obj({"path": S}, ["path"]), "Get a detailed listing of all files and directories."),
        tool("search_files", obj({"path": S, "pattern": S, "excludePatterns": {"type": "array", "items": S, "default": []}},
                                  ["path", "pattern"]),
             "Recursively search for files and directories matching a case-insensitive substring."),
        tool("get_file_info", obj({"path": S}, ["path"]), "Retrieve detailed metadata about a file or directory."),
    ]

pairs = []

def pair(name, lesson, old, new, bump, breaking=(), harmless=False):
    pairs.append({"name": name, "lesson": lesson, "old": old, "new": new, "bump": bump,
                  "breaking": list(breaking), "harmless": harmless})

def fs(version, mutate=None, **extra):
    tools = fs_tools()
    if mutate:
        mutate(tools)
    return surface("@modelcontextprotocol/server-filesystem", version, tools, **extra)

def find(tools, name):
    return next(t for t in tools if t["name"] == name)

def close_all(tools):
    for t in tools:
        t["inputSchema"]["additionalProperties"] = False

pair("filesystem: every input object closed in a minor release", 1, fs("0.6.0"), fs("0.7.0", close_all), "major",
     ["tools/" + t["name"] + "#input/additionalProperties" for t in fs_tools()])
pair("filesystem: tool removed in a minor release", 1, fs("0.6.0"),
     fs("0.7.0", lambda ts: ts.remove(find(ts, "get_file_info"))), "major", ["tools/get_file_info"])
pair("filesystem: minItems 1 added to paths", 1, fs("2025.7.1"),
     fs("2025.7.29", lambda ts: find(ts, "read_multiple_files")["inputSchema"]["properties"]["paths"].update(minItems=1)),
     "major", ["tools/read_multiple_files#input/properties/paths/minItems"])
pair("filesystem: a tool added as a patch", 1, fs("0.6.2"),
     fs("0.6.3", lambda ts: ts.append(tool("list_allowed_directories", obj({}), "List allowed directories."))), "minor")
pair("filesystem: version goes backwards, nothing else changes", 5, fs("1.0.0"), fs("0.6.3"), "none")
pair("filesystem: calendar release adds a tool and a title", 2, fs("2025.8.21"),
     fs("2025.11.25", lambda ts: (ts.append(tool("directory_tree", obj({"path": S}, ["path"]), "Tree.")),
                                  find(ts, "write_file").update(title="Write File"))), "minor")
pair("filesystem: zod 4 drift under the same version", 3, fs("2025.8.21"),
     fs("2025.8.21", lambda ts: [t.update(inputSchema={"$schema": "http://json-schema.org/draft-07/schema#"}) for t in ts]),
     "major", ["tools/" + t["name"] + "#input" for t in fs_tools()])
pair("filesystem: newer SDK makes taskSupport explicit and accepts a new revision", 4,
     fs("2025.9.12", supportedProtocolVersions=["2024-11-05", "2025-03-26", "2025-06-18"]),
     fs("2025.9.25", lambda ts: [t.update(execution={"taskSupport": "forbidden"}) for t in ts],
        supportedProtocolVersions=["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"]), "minor")
def int_head(ts):
    find(ts, "read_text_file")["inputSchema"]["properties"]["head"]["type"] = "integer"
def zod_noise(ts):
    int_head(ts)
    find(ts, "read_text_file")["inputSchema"]["properties"]["head"].update(maximum=9007199254740991, minimum=-9007199254740991)
    for t in ts:
        t["inputSchema"]["$schema"] = "http://json-schema.org/draft-07/schema#"
pair("filesystem: zod .int() safe-integer bounds and draft-07 $schema appear", 6, fs("0.6.0", int_head), fs("0.6.1", zod_noise),
     "patch", harmless=True)
pair("filesystem: old input wrapped as the first anyOf branch", 7, fs("1.1.0"),
     fs("1.2.0", lambda ts: find(ts, "read_text_file").update(inputSchema={
         "type": "object",
         "anyOf": [obj({"path": S, "head": {"type": "number"}, "tail": {"type": "number"}}, ["path"]),
                   obj({"uri": S}, ["uri"])]})), "minor")
pair("filesystem: matching semantics change with an unchanged schema", 7, fs("1.1.0"),
     fs("1.1.1", lambda ts: find(ts, "search_files").update(
         description="Recursively search for files and directories matching a glob pattern.")), "minor")
pair("filesystem: input objects closed, then opened again (1/2)", 8, fs("2025.3.28"), fs("2025.7.1", close_all), "major",
     ["tools/read_text_file#input/additionalProperties"])
pair("filesystem: input objects closed, then opened again (2/2)", 8, fs("2025.7.1", close_all), fs("2025.7.29"), "minor")
pair("filesystem: every description reworded", 0, fs("1.0.0"),
     fs("1.0.1", lambda ts: [t.update(description=t["description"].replace("Read", "Reads").replace("Get", "Gets")
                                      .replace("Create", "Creates").replace("Retrieve", "Retrieves")
                                      + " Works within the allowed directories.") for t in ts]), "patch", harmless=True)
def representation(ts):
    t = find(ts, "read_text_file")
    t["inputSchema"] = {"type": "object", "required": ["path"], "additionalProperties": True,
                        "properties": {"path": {"$ref": "#/$defs/Path"}, "head": {"type": ["number"]},
                                       "tail": {"anyOf": [{"type": "number"}]}},
                        "$defs": {"Path": {"type": "string", "minLength": 0}}}
    w = find(ts, "write_file")
    w["inputSchema"]["properties"]["content"] = {"type": "string", "description": "text to write"}
    find(ts, "get_file_info")["annotations"] = {"readOnlyHint": False, "destructiveHint": True}
pair("filesystem: representation-only schema rewrites", 6, fs("1.0.0"), fs("1.0.1", representation), "patch", harmless=True)
pair("filesystem: read-only hint withdrawn", 0,
     fs("1.0.0", lambda ts: find(ts, "list_directory").update(annotations={"readOnlyHint": True})),
     fs("1.1.0", lambda ts: find(ts, "list_directory").update(annotations={"readOnlyHint": False})), "minor")
pair("filesystem: read_file renamed to read_text_file", 0,
     fs("0.6.2", lambda ts: find(ts, "read_text_file").update(name="read_file")), fs("2025.7.1"), "major", ["tools/read_file"])
pair("filesystem: undeclared zod import appears in the manifest", 3,
     fs("1.0.0", dependencies={"ecosystem": "npm", "declared": {"@modelcontextprotocol/sdk": "^1.17.0"}}),
     fs("1.0.1", dependencies={"ecosystem": "npm", "declared": {"@modelcontextprotocol/sdk": "^1.17.0"},
                               "undeclaredImports": {"zod": "4.1.5"}}), "patch")

# ---------------------------------------------------------------- an everything-like server
def ev(version, variants, caps=None, extra_tools=()):
    result = {"anyOf": variants}
    tools = [tool("echo", obj({"message": S}, ["message"]), "Echoes back the input."),
             tool("add", obj({"a": {"type": "number"}, "b": {"type": "number"}}, ["a", "b"]), "Adds two numbers."),
             tool("structuredContent", obj({"location": S}, ["location"]), "Returns structured weather.",
                  outputSchema=obj({"result": result}, ["result"]))]
    tools.extend(extra_tools)
    s = surface("@modelcontextprotocol/server-everything", version, tools)
    s["initialize"]["capabilities"] = caps or {"tools": {}, "prompts": {}, "resources": {"subscribe": True}}
    s["prompts"] = [{"name": "simple_prompt", "arguments": []},
                    {"name": "complex_prompt", "arguments": [{"name": "temperature", "required": True},
                                                             {"name": "style", "required": False}]}]
    s["resources"] = []
    s["resourceTemplates"] = [{"uriTemplate": "test://static/resource/{id}", "name": "Static Resource"}]
    return s

SUNNY = obj({"kind": {"const": "weather"}, "temperature": {"type": "number"}}, ["kind", "temperature"])
ALERT = obj({"kind": {"const": "alert"}, "message": S}, ["kind", "message"])
MAP = obj({"kind": {"const": "map"}, "url": S}, ["kind", "url"])
pair("everything: output union gains a result shape in a patch", 1, ev("2025.8.4", [SUNNY]), ev("2025.8.5", [SUNNY, ALERT]),
     "major", ["tools/structuredContent#output/properties/result"])
pair("everything: output union drops one variant and adds another", 7, ev("2025.9.12", [SUNNY, ALERT]),
     ev("2025.9.25", [SUNNY, MAP]), "major", ["tools/structuredContent#output/properties/result"])
pair("everything: elicitation wrongly advertised as a server capability, then removed", 9,
     ev("2025.7.1", [SUNNY], caps={"tools": {}, "prompts": {}, "resources": {"subscribe": True}, "elicitation": {}}),
     ev("2025.7.29", [SUNNY]), "minor")
pair("everything: resources.subscribe withdrawn", 9, ev("2025.7.1", [SUNNY]),
     ev("2025.7.29", [SUNNY], caps={"tools": {}, "prompts": {}, "resources": {}}), "major", ["capabilities/resources/subscribe"])
def prompt_required(s):
    s["prompts"][1]["arguments"][1]["required"] = True
    return s
pair("everything: prompt argument became required", 0, ev("1.0.0", [SUNNY]), prompt_required(ev("1.1.0", [SUNNY])), "major",
     ["prompts/complex_prompt#arguments/style"])
def template_plus(s):
    s["resourceTemplates"][0]["uriTemplate"] = "test://static/resource/{+id}"
    return s
pair("everything: template operator changed", 0, ev("1.0.0", [SUNNY]), template_plus(ev("1.0.1", [SUNNY])), "major",
     ["resourceTemplates/test://static/resource/{id}"])
pair("everything: annotations restate the defaults", 6, ev("1.0.0", [SUNNY]),
     ev("1.0.1", [SUNNY], extra_tools=()), "none", harmless=True)
def explicit_annotations(s):
    for t in s["tools"]:
        t["annotations"] = {"readOnlyHint": False, "destructiveHint": True, "idempotentHint": False, "openWorldHint": True}
    return s
pairs[-1]["new"] = explicit_annotations(pairs[-1]["new"])
pairs[-1]["bump"] = "patch"

# ---------------------------------------------------------------- other reference-like servers
def srv(name, version, tools, **extra):
    return surface(name, version, tools, **extra)

time_v1 = [tool("convert_time", obj({"source_timezone": S, "time": {"type": "string", "pattern": "^\\d{2}:\\d{2}$"},
                                      "target_timezone": S}, ["source_timezone", "time", "target_timezone"]), "Convert time.")]
time_v2 = copy.deepcopy(time_v1)
time_v2[0]["inputSchema"]["properties"]["source_timezone"] = {"type": "string", "enum": ["UTC", "Europe/Berlin", "America/New_York"]}
pair("time: timezone restricted to an enum", 0, srv("mcp-server-time", "0.6.2", time_v1), srv("mcp-server-time", "0.6.3", time_v2),
     "major", ["tools/convert_time#input/properties/source_timezone/enum"])

fetch_v1 = [tool("fetch", obj({"url": {"type": "string", "format": "uri"},
                                "max_length": {"type": "integer", "exclusiveMinimum": 0, "maximum": 100000, "default": 5000},
                                "raw": {"type": "boolean", "default": False}}, ["url"]), "Fetches a URL.")]
fetch_v2 = copy.deepcopy(fetch_v1)
fetch_v2[0]["inputSchema"]["properties"]["max_length"]["maximum"] = 1000000
pair("fetch: max_length limit raised", 0, srv("mcp-server-fetch", "2025.4.7", fetch_v1), srv("mcp-server-fetch", "2025.4.8", fetch_v2), "minor")
fetch_v3 = copy.deepcopy(fetch_v1)
fetch_v3[0]["inputSchema"]["properties"]["raw"]["default"] = True
pair("fetch: raw default flipped", 0, srv("mcp-server-fetch", "2025.4.7", fetch_v1), srv("mcp-server-fetch", "2025.4.8", fetch_v3), "minor")

git_v1 = [tool("git_diff", obj({"repo_path": S, "target": S}, ["repo_path", "target"]), "Shows differences.")]
git_v2 = copy.deepcopy(git_v1)
git_v2[0]["inputSchema"]["properties"]["context_lines"] = {"type": "integer", "default": 3}
pair("git: optional context_lines added", 0, srv("mcp-server-git", "0.6.0", git_v1), srv("mcp-server-git", "0.6.1", git_v2), "minor")

mem_out = obj({"entities": {"type": "array", "items": obj({"name": S, "entityType": S}, ["name", "entityType"])}}, ["entities"])
mem_v1 = [tool("read_graph", obj({}), "Read the entire knowledge graph.", outputSchema=mem_out)]
mem_v2 = copy.deepcopy(mem_v1)
mem_v2[0]["outputSchema"]["properties"]["relations"] = {"type": "array", "items": S}
pair("memory: output gains an open property", 0, srv("server-memory", "2025.8.4", mem_v1), srv("server-memory", "2025.9.25", mem_v2), "minor")
mem_v3 = copy.deepcopy(mem_v1)
mem_v3[0]["outputSchema"]["properties"]["entities"]["items"]["required"] = ["name"]
pair("memory: output property became optional", 0, srv("server-memory", "2025.8.4", mem_v1), srv("server-memory", "2025.8.5", mem_v3),
     "major", ["tools/read_graph#output/properties/entities/items/properties/entityType"])

def cfg(version, env):
    s = srv("github-mcp", version, [tool("search", obj({"q": S}, ["q"]), "Search.")])
    s["config"] = {"env": env}
    return s
pair("config: token required at startup", 10, cfg("1.0.0", []), cfg("1.1.0", [{"name": "GITHUB_TOKEN", "required": True, "secret": True}]),
     "major", ["config/env/GITHUB_TOKEN"])
pair("config: optional knob added", 10, cfg("1.0.0", [{"name": "GITHUB_TOKEN", "required": True, "secret": True}]),
     cfg("1.1.0", [{"name": "GITHUB_TOKEN", "required": True, "secret": True}, {"name": "GITHUB_HOST", "required": False}]), "minor")

for p in pairs:
    print(json.dumps(p, sort_keys=True))
