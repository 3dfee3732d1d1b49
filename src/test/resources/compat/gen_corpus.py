#!/usr/bin/env python3
"""Generates corpus.jsonl: adversarial synthetic release pairs, at least one per rule id.

Each line: {"name", "old", "new", "expect": [rule ids that must fire], "forbid": [ids that must not fire],
"bump": required bump, "policy"?: {...}}. Run from this directory: python3 gen_corpus.py > corpus.jsonl
"""
import json, copy

cases = []

def surface(tools=None, version="1.0.0", **extra):
    s = {"server": {"name": "fixture", "version": version}}
    if tools is not None:
        s["tools"] = tools
    s.update(extra)
    return s

def tool(name="t", input=None, **extra):
    t = {"name": name, "inputSchema": input if input is not None else {"type": "object"}}
    t.update(extra)
    return t

def obj(props=None, required=None, **extra):
    o = {"type": "object"}
    if props is not None:
        o["properties"] = props
    if required is not None:
        o["required"] = required
    o.update(extra)
    return o

def case(name, old, new, expect, bump, forbid=(), policy=None):
    c = {"name": name, "old": old, "new": new, "expect": list(expect), "forbid": list(forbid), "bump": bump}
    if policy is not None:
        c["policy"] = policy
    cases.append(c)

def inp(name, old_schema, new_schema, expect, bump, forbid=()):
    case(name, surface([tool(input=old_schema)]), surface([tool(input=new_schema)], "2.0.0"), expect, bump, forbid)

def out(name, old_schema, new_schema, expect, bump, forbid=()):
    o = surface([tool(outputSchema=old_schema)]) if old_schema is not None else surface([tool()])
    n = surface([tool(outputSchema=new_schema)], "2.0.0") if new_schema is not None else surface([tool()], "2.0.0")
    case(name, o, n, expect, bump, forbid)

S = {"type": "string"}
N = {"type": "number"}
I = {"type": "integer"}

# ---------------------------------------------------------------- tools: existence and metadata
case("tool removed", surface([tool("a"), tool("b")]), surface([tool("a")], "2.0.0"), ["tool-removed"], "major")
case("tool renamed with the same schema",
     surface([tool("read_file", obj({"path": S}, ["path"]), description="Read a file.")]),
     surface([tool("read_text_file", obj({"path": S}, ["path"]), description="Read a file.")], "2.0.0"),
     ["tool-renamed"], "major", ["tool-removed", "tool-added"])
case("tool added", surface([tool("a")]), surface([tool("a"), tool("b")], "1.1.0"), ["tool-added"], "minor")
case("tool deprecated in the description", surface([tool(description="Search files.")]),
     surface([tool(description="DEPRECATED: use find instead. Search files.")], "1.1.0"),
     ["tool-deprecated"], "minor")
case("tool deprecated in _meta", surface([tool()]), surface([tool(_meta={"deprecated": True})], "1.1.0"),
     ["tool-deprecated", "tool-meta-changed"], "minor")
case("tool title added", surface([tool()]), surface([tool(title="T")], "1.0.1"), ["tool-title-added"], "patch")
case("tool title changed", surface([tool(title="T")]), surface([tool(title="U")], "1.0.1"), ["tool-title-changed"], "patch")
case("annotation title changed", surface([tool(annotations={"title": "T"})]),
     surface([tool(annotations={"title": "U"})], "1.0.1"), ["tool-title-changed"], "patch")
case("description reworded", surface([tool(description="Reads the contents of a file.")]),
     surface([tool(description="Read the complete contents of a file from the file system.")], "1.0.1"),
     ["tool-description-changed"], "patch", ["tool-description-semantics-changed"])
case("description semantics: substring becomes glob",
     surface([tool(description="Recursively search for files matching a case-insensitive substring.")]),
     surface([tool(description="Recursively search for files matching a glob pattern.")], "1.1.0"),
     ["tool-description-semantics-changed"], "minor")
case("tool order changed", surface([tool("a"), tool("b")]), surface([tool("b"), tool("a")], "1.0.1"),
     ["tool-order-changed"], "patch")
case("tool icons changed", surface([tool(icons=[{"src": "a.png"}])]), surface([tool(icons=[{"src": "b.png"}])], "1.0.1"),
     ["tool-icons-changed"], "patch")
case("tool _meta changed", surface([tool(_meta={"x": 1})]), surface([tool(_meta={"x": 2})], "1.0.1"),
     ["tool-meta-changed"], "patch")
case("zod 4 drift: inputSchema without type",
     surface([tool(input=obj({"path": S}, ["path"]))]),
     surface([tool(input={"$schema": "http://json-schema.org/draft-07/schema#"})], "1.0.0"),
     ["tool-input-schema-invalid"], "major")
case("zod 4 drift repaired", surface([tool(input={"$schema": "http://json-schema.org/draft-07/schema#"})]),
     surface([tool(input=obj({"path": S}, ["path"]))], "1.0.1"), ["tool-input-schema-fixed"], "minor",
     ["tool-input-required-property-added", "tool-input-property-type-narrowed"])
case("outputSchema repaired", surface([tool(outputSchema={"type": "array"})]),
     surface([tool(outputSchema=obj({"n": N}))], "1.0.1"), ["tool-output-schema-fixed"], "minor")
case("outputSchema root not an object",
     surface([tool(outputSchema=obj({"n": N}))]), surface([tool(outputSchema={"type": "array"})], "2.0.0"),
     ["tool-output-schema-invalid"], "major")

# ---------------------------------------------------------------- annotations and execution
def ann(old, new, expect, bump, forbid=()):
    case("annotations " + json.dumps(old) + " -> " + json.dumps(new), surface([tool(annotations=old)]),
         surface([tool(annotations=new)], "2.0.0"), expect, bump, forbid)

ann({"readOnlyHint": True}, {"readOnlyHint": False}, ["tool-annotation-readonly-turned-off"], "minor")
ann({"destructiveHint": False}, {}, ["tool-annotation-destructive-turned-on"], "minor")
ann({"idempotentHint": True}, {}, ["tool-annotation-idempotent-turned-off"], "minor")
ann({"openWorldHint": False}, {"openWorldHint": True}, ["tool-annotation-openworld-turned-on"], "minor")
ann({}, {"readOnlyHint": True}, ["tool-annotation-relaxed"], "patch")
ann({}, {"readOnlyHint": False, "destructiveHint": True, "idempotentHint": False, "openWorldHint": True},
    ["tool-annotation-explicit-default"], "patch", ["tool-annotation-relaxed"])
ann({"readOnlyHint": True, "destructiveHint": True}, {"readOnlyHint": True, "destructiveHint": False}, [], "none",
    ["tool-annotation-destructive-turned-on", "tool-annotation-relaxed"])

def exe(old, new, expect, bump):
    o = tool(execution=old) if old is not None else tool()
    n = tool(execution=new) if new is not None else tool()
    case("execution " + json.dumps(old) + " -> " + json.dumps(new), surface([o]), surface([n], "2.0.0"), expect, bump)

exe(None, {"taskSupport": "required"}, ["tool-execution-task-support-required"], "major")
exe({"taskSupport": "optional"}, {"taskSupport": "forbidden"}, ["tool-execution-task-support-withdrawn"], "major")
exe(None, {"taskSupport": "optional"}, ["tool-execution-task-support-offered"], "minor")
exe(None, {"taskSupport": "forbidden"}, ["tool-execution-explicit-default"], "patch")
exe({"taskSupport": "forbidden"}, None, ["tool-execution-explicit-default-removed"], "patch")

# ---------------------------------------------------------------- input schema (contravariant)
inp("required property added", obj({"a": S}), obj({"a": S, "b": S}, ["b"]), ["tool-input-required-property-added"], "major")
inp("required property added with a default", obj({"a": S}), obj({"a": S, "b": {"type": "string", "default": "x"}}, ["b"]),
    ["tool-input-required-property-added"], "major")
inp("property became required", obj({"a": S}), obj({"a": S}, ["a"]), ["tool-input-property-became-required"], "major")
inp("property became required through a $ref",
    {"type": "object", "properties": {"o": {"$ref": "#/$defs/O"}}, "$defs": {"O": obj({"x": S})}},
    {"type": "object", "properties": {"o": {"$ref": "#/$defs/O"}}, "$defs": {"O": obj({"x": S}, ["x"])}},
    ["tool-input-property-became-required"], "major")
inp("property became optional", obj({"a": S}, ["a"]), obj({"a": S}), ["tool-input-property-became-optional"], "minor")
inp("optional property added", obj({"a": S}), obj({"a": S, "b": S}), ["tool-input-optional-property-added"], "minor")
inp("property removed from a closed object", obj({"a": S, "b": S}, additionalProperties=False),
    obj({"a": S}, additionalProperties=False), ["tool-input-property-removed-closed"], "major")
inp("property removed from an open object", obj({"a": S, "b": S}), obj({"a": S}), ["tool-input-property-removed-open"], "minor")
inp("type narrowed", obj({"a": {"type": ["string", "number"]}}), obj({"a": S}), ["tool-input-property-type-narrowed"], "major")
inp("number narrowed to integer", obj({"a": N}), obj({"a": I}), ["tool-input-property-type-narrowed"], "major")
inp("type widened", obj({"a": I}), obj({"a": N}), ["tool-input-property-type-widened"], "minor")
inp("boolean widened to boolean|string", obj({"a": {"type": "boolean"}}), obj({"a": {"type": ["boolean", "string"]}}),
    ["tool-input-property-type-widened"], "minor")
inp("type changed", obj({"a": S}), obj({"a": I}), ["tool-input-property-type-changed"], "major")
inp("became nullable", obj({"a": S}), obj({"a": {"type": ["string", "null"]}}), ["tool-input-became-nullable"], "minor")
inp("became not nullable", obj({"a": {"anyOf": [S, {"type": "null"}]}}), obj({"a": S}), ["tool-input-became-not-nullable"], "major")
inp("enum value removed", obj({"m": {"enum": ["a", "b"]}}), obj({"m": {"enum": ["a"]}}), ["tool-input-enum-value-removed"], "major")
inp("enum value added", obj({"m": {"type": "string", "enum": ["a"]}}), obj({"m": {"type": "string", "enum": ["a", "b"]}}),
    ["tool-input-enum-value-added"], "minor")
inp("became enum", obj({"m": S}), obj({"m": {"type": "string", "enum": ["a", "b"]}}), ["tool-input-became-enum"], "major")
inp("const changed", obj({"k": {"const": "v1"}}), obj({"k": {"const": "v2"}}), ["tool-input-const-changed"], "major")
inp("minimum raised", obj({"n": {"type": "number", "minimum": 0}}), obj({"n": {"type": "number", "minimum": 1}}),
    ["tool-input-numeric-bound-tightened"], "major")
inp("exclusiveMaximum added", obj({"n": N}), obj({"n": {"type": "number", "exclusiveMaximum": 10}}),
    ["tool-input-numeric-bound-tightened"], "major")
inp("multipleOf changed to a non-divisor", obj({"n": {"type": "integer", "multipleOf": 2}}),
    obj({"n": {"type": "integer", "multipleOf": 3}}), ["tool-input-numeric-bound-tightened"], "major")
inp("maximum raised", obj({"n": {"type": "number", "maximum": 10}}), obj({"n": {"type": "number", "maximum": 20}}),
    ["tool-input-numeric-bound-relaxed"], "minor")
inp("zod safe-integer bound added", obj({"n": I}),
    obj({"n": {"type": "integer", "minimum": -9007199254740991, "maximum": 9007199254740991}}),
    ["tool-input-unbounded-bound-added"], "patch", ["tool-input-numeric-bound-tightened"])
inp("maxLength lowered", obj({"s": {"type": "string", "maxLength": 100}}), obj({"s": {"type": "string", "maxLength": 10}}),
    ["tool-input-string-constraint-tightened"], "major")
inp("minLength added", obj({"s": S}), obj({"s": {"type": "string", "minLength": 1}}),
    ["tool-input-string-constraint-tightened"], "major")
inp("maxLength removed", obj({"s": {"type": "string", "maxLength": 10}}), obj({"s": S}),
    ["tool-input-string-constraint-relaxed"], "minor")
inp("pattern added", obj({"s": S}), obj({"s": {"type": "string", "pattern": "^[a-z]+$"}}), ["tool-input-pattern-added"], "major")
inp("pattern changed", obj({"s": {"type": "string", "pattern": "^[a-z]+$"}}), obj({"s": {"type": "string", "pattern": "^[a-z0-9]+$"}}),
    ["tool-input-pattern-changed"], "minor")
inp("pattern removed", obj({"s": {"type": "string", "pattern": "^[a-z]+$"}}), obj({"s": S}), ["tool-input-pattern-removed"], "minor")
inp("format added", obj({"s": S}), obj({"s": {"type": "string", "format": "uri"}}), ["tool-input-format-added"], "minor")
inp("minItems added", obj({"p": {"type": "array", "items": S}}), obj({"p": {"type": "array", "items": S, "minItems": 1}}),
    ["tool-input-array-constraint-tightened"], "major")
inp("uniqueItems added", obj({"p": {"type": "array"}}), obj({"p": {"type": "array", "uniqueItems": True}}),
    ["tool-input-array-constraint-tightened"], "major")
inp("tuple position added where extra items were forbidden",
    obj({"p": {"type": "array", "prefixItems": [S], "items": False}}),
    obj({"p": {"type": "array", "prefixItems": [S, N], "items": False}}),
    ["tool-input-array-constraint-relaxed"], "minor")
inp("maxItems removed", obj({"p": {"type": "array", "maxItems": 3}}), obj({"p": {"type": "array"}}),
    ["tool-input-array-constraint-relaxed"], "minor")
inp("object closed", obj({"a": S}), obj({"a": S}, additionalProperties=False),
    ["tool-input-additional-properties-restricted"], "major")
inp("patternProperties added", obj({"a": S}), obj({"a": S}, patternProperties={"^x-": S}),
    ["tool-input-additional-properties-restricted"], "major")
inp("object opened", obj({"a": S}, additionalProperties=False), obj({"a": S}),
    ["tool-input-additional-properties-relaxed"], "minor")
inp("anyOf branch replaced", obj({"v": {"anyOf": [obj({"a": S}, ["a"]), obj({"b": S}, ["b"])]}}),
    obj({"v": {"anyOf": [obj({"a": S}, ["a"]), obj({"c": N}, ["c"])]}}),
    ["tool-input-composition-narrowed", "tool-input-composition-widened"], "major")
inp("anyOf of plain types loses one", obj({"v": {"anyOf": [S, N]}}), obj({"v": {"anyOf": [S, {"type": "boolean"}]}}),
    ["tool-input-property-type-narrowed"], "major")
inp("anyOf branch added that the others already cover", obj({"v": {"anyOf": [S, obj({"a": S})]}}),
    obj({"v": {"anyOf": [S, obj({"a": S}), {"type": "string", "minLength": 3}]}}), [], "none",
    ["tool-input-composition-widened", "tool-input-composition-narrowed"])
inp("allOf conjunct added", obj({"v": {"allOf": [{"anyOf": [S, N]}]}}),
    obj({"v": {"allOf": [{"anyOf": [S, N]}, {"not": {"const": "x"}}]}}), ["tool-input-composition-narrowed"], "major")
inp("old schema wrapped as the first anyOf branch", obj({"path": S}, ["path"]),
    {"type": "object", "anyOf": [obj({"path": S}, ["path"]), obj({"paths": {"type": "array", "items": S}}, ["paths"])]},
    ["tool-input-composition-widened"], "minor",
    ["tool-input-property-removed-open", "tool-input-property-removed-closed", "tool-input-property-type-narrowed"])
inp("oneOf became anyOf", obj({"v": {"oneOf": [obj({"a": S}), obj({"b": S})]}}), obj({"v": {"anyOf": [obj({"a": S}), obj({"b": S})]}}),
    ["tool-input-composition-widened"], "minor")
inp("anyOf became oneOf with overlapping branches", obj({"v": {"anyOf": [obj({"a": S}), obj({"b": S})]}}),
    obj({"v": {"oneOf": [obj({"a": S}), obj({"b": S})]}}), ["tool-input-composition-narrowed"], "major")
inp("anyOf became oneOf with disjoint branches", obj({"v": {"anyOf": [S, N]}}), obj({"v": {"oneOf": [S, N]}}),
    [], "none", ["tool-input-composition-narrowed"])
inp("oneOf branch duplicated (values matching it now match twice)", obj({"v": {"oneOf": [obj({"a": S}), obj({"b": N})]}}),
    obj({"v": {"oneOf": [obj({"a": S}), obj({"b": N}), dict(obj({"a": S}), description="again")]}}),
    ["tool-input-composition-narrowed"], "major")
inp("not added", obj({"v": S}), obj({"v": {"type": "string", "not": {"const": "x"}}}), ["tool-input-composition-narrowed"], "major")
inp("if/then added", obj({"a": S, "b": S}), obj({"a": S, "b": S}, **{"if": obj(required=["a"]), "then": obj(required=["b"])}),
    ["tool-input-composition-narrowed"], "major")
inp("default changed", obj({"n": {"type": "integer", "default": 10}}), obj({"n": {"type": "integer", "default": 20}}),
    ["tool-input-default-changed"], "minor")
inp("default removed", obj({"n": {"type": "integer", "default": 10}}), obj({"n": I}), ["tool-input-default-changed"], "minor")
inp("default added", obj({"n": I}), obj({"n": {"type": "integer", "default": 10}}), ["tool-input-default-added"], "patch")
inp("$defs inlined", {"type": "object", "properties": {"o": {"$ref": "#/$defs/O"}}, "$defs": {"O": obj({"x": S})}},
    obj({"o": obj({"x": S})}), ["tool-input-ref-equivalent-refactor"], "patch")
inp("definitions renamed to $defs",
    {"type": "object", "properties": {"o": {"$ref": "#/definitions/O"}}, "definitions": {"O": obj({"x": S})}},
    {"type": "object", "properties": {"o": {"$ref": "#/$defs/Obj"}}, "$defs": {"Obj": obj({"x": S})}},
    ["tool-input-ref-equivalent-refactor"], "patch")
inp("nullable keyword vs type array", obj({"a": {"type": "string", "nullable": True}}), obj({"a": {"type": ["string", "null"]}}),
    ["tool-input-equivalent-refactor"], "none", ["tool-input-became-nullable", "tool-input-property-type-widened"])
inp("oneOf null wrap vs type array", obj({"a": {"oneOf": [{"type": "null"}, S]}}), obj({"a": {"type": ["null", "string"]}}),
    ["tool-input-equivalent-refactor"], "none", ["tool-input-composition-narrowed", "tool-input-became-not-nullable"])
inp("required [] dropped", obj({"a": S}, []), obj({"a": S}), ["tool-input-equivalent-refactor"], "none")
inp("draft-07 tuple vs 2020-12 prefixItems",
    obj({"p": {"type": "array", "items": [S, N], "additionalItems": False}}),
    obj({"p": {"type": "array", "prefixItems": [S, N], "items": False}}), ["tool-input-equivalent-refactor"], "none",
    ["tool-input-array-constraint-tightened", "tool-input-array-constraint-relaxed"])
inp("draft-04 boolean exclusiveMinimum", obj({"n": {"type": "number", "minimum": 0, "exclusiveMinimum": True}}),
    obj({"n": {"type": "number", "exclusiveMinimum": 0}}), ["tool-input-equivalent-refactor"], "none")
inp("integer exclusive bound vs inclusive", obj({"n": {"type": "integer", "exclusiveMinimum": 0}}),
    obj({"n": {"type": "integer", "minimum": 1}}), ["tool-input-equivalent-refactor"], "none")
inp("const vs single enum", obj({"k": {"const": "v"}}), obj({"k": {"enum": ["v"]}}), ["tool-input-equivalent-refactor"], "none")
inp("dialect draft-07 added", obj({"a": S}), dict(obj({"a": S}), **{"$schema": "http://json-schema.org/draft-07/schema#"}),
    ["tool-input-dialect-changed"], "patch")
inp("property description changed", obj({"a": {"type": "string", "description": "x"}}), obj({"a": {"type": "string", "description": "y"}}),
    ["tool-input-property-description-changed"], "patch")
inp("external $ref changed", obj({"a": {"$ref": "https://example.com/a.json"}}), obj({"a": {"$ref": "https://example.com/b.json"}}),
    ["tool-input-schema-undecided"], "minor")
inp("recursive schema unchanged but reworded",
    {"type": "object", "properties": {"tree": {"$ref": "#/$defs/Node"}},
     "$defs": {"Node": obj({"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}, "name": S})}},
    {"type": "object", "properties": {"tree": {"$ref": "#/$defs/Node"}},
     "$defs": {"Node": obj({"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}, "name": {"type": "string", "description": "n"}})}},
    ["tool-input-property-description-changed"], "patch")

# ---------------------------------------------------------------- output schema (covariant)
out("outputSchema removed", obj({"a": S}), None, ["tool-output-schema-removed"], "major")
out("outputSchema added", None, obj({"a": S}), ["tool-output-schema-added"], "minor")
out("required output property removed", obj({"a": S, "b": S}, ["a", "b"]), obj({"a": S}, ["a"]),
    ["tool-output-required-property-removed"], "major")
out("optional output property removed", obj({"a": S, "b": S}), obj({"a": S}), ["tool-output-optional-property-removed"], "minor")
out("property added to a closed output", obj({"a": S}, additionalProperties=False), obj({"a": S, "b": S}, additionalProperties=False),
    ["tool-output-property-added-to-closed"], "minor")
out("property added to an open output", obj({"a": S}), obj({"a": S, "b": S}), ["tool-output-property-added"], "minor")
out("output property became optional", obj({"a": S}, ["a"]), obj({"a": S}), ["tool-output-property-became-optional"], "major")
out("output property became required", obj({"a": S}), obj({"a": S}, ["a"]), ["tool-output-property-became-required"], "patch")
out("output type widened", obj({"n": I}), obj({"n": N}), ["tool-output-type-widened"], "major")
out("output type narrowed", obj({"n": N}), obj({"n": I}), ["tool-output-type-narrowed"], "patch")
out("output type changed", obj({"n": S}), obj({"n": I}), ["tool-output-type-changed"], "major")
out("output became nullable", obj({"n": S}), obj({"n": {"type": ["string", "null"]}}), ["tool-output-became-nullable"], "major")
out("output became not nullable", obj({"n": {"type": ["string", "null"]}}), obj({"n": S}), ["tool-output-became-not-nullable"], "patch")
out("output enum value added", obj({"s": {"enum": ["ok", "err"]}}), obj({"s": {"enum": ["ok", "err", "partial"]}}),
    ["tool-output-enum-value-added"], "major")
out("output enum value removed", obj({"s": {"enum": ["ok", "err"]}}), obj({"s": {"enum": ["ok"]}}), ["tool-output-enum-value-removed"], "patch")
out("output maximum raised", obj({"n": {"type": "integer", "maximum": 10}}), obj({"n": {"type": "integer", "maximum": 100}}),
    ["tool-output-numeric-bound-relaxed"], "major")
out("output maxLength removed", obj({"s": {"type": "string", "maxLength": 10}}), obj({"s": S}), ["tool-output-string-constraint-relaxed"], "major")
out("output maxItems raised", obj({"p": {"type": "array", "maxItems": 3}}), obj({"p": {"type": "array", "maxItems": 5}}),
    ["tool-output-array-constraint-relaxed"], "major")
out("output minItems added", obj({"p": {"type": "array"}}), obj({"p": {"type": "array", "minItems": 1}}),
    ["tool-output-array-constraint-tightened"], "patch")
out("output pattern added", obj({"s": S}), obj({"s": {"type": "string", "pattern": "^a"}}), ["tool-output-string-constraint-tightened"], "patch")
out("output minimum added", obj({"n": N}), obj({"n": {"type": "number", "minimum": 0}}), ["tool-output-numeric-bound-tightened"], "patch")
out("output union gains a shape", obj({"r": {"anyOf": [obj({"ok": S}), obj({"err": S})]}}),
    obj({"r": {"anyOf": [obj({"ok": S}), obj({"err": S}), obj({"partial": N}, ["partial"])]}}), ["tool-output-composition-widened"], "major")
out("output union loses a shape", obj({"r": {"anyOf": [S, N]}}), obj({"r": {"anyOf": [S]}}),
    ["tool-output-type-narrowed"], "patch")
out("output union drops one variant and adds another",
    obj({"r": {"anyOf": [obj({"kind": {"const": "a"}}, ["kind"]), obj({"kind": {"const": "b"}}, ["kind"])]}}),
    obj({"r": {"anyOf": [obj({"kind": {"const": "a"}}, ["kind"]), obj({"kind": {"const": "c"}, "n": N}, ["kind", "n"])]}}),
    ["tool-output-composition-widened"], "major")
out("output union narrowed by one branch", obj({"r": {"anyOf": [obj({"a": S}, ["a"]), obj({"b": N}, ["b"])]}}),
    obj({"r": {"anyOf": [obj({"a": S}, ["a"])]}}), ["tool-output-composition-narrowed"], "patch")
out("output opened", obj({"a": S}, additionalProperties=False), obj({"a": S}), ["tool-output-additional-properties-relaxed"], "major")
out("output closed", obj({"a": S}), obj({"a": S}, additionalProperties=False), ["tool-output-additional-properties-restricted"], "patch")
out("output dialect changed", obj({"a": S}), dict(obj({"a": S}), **{"$schema": "https://json-schema.org/draft/2020-12/schema"}),
    ["tool-output-dialect-changed"], "patch")
out("output format changed", obj({"d": {"type": "string", "format": "date"}}), obj({"d": {"type": "string", "format": "date-time"}}),
    ["tool-output-format-changed"], "minor")
out("output property description changed", obj({"a": {"type": "string", "description": "x"}}), obj({"a": {"type": "string", "title": "A"}}),
    ["tool-output-property-description-changed"], "patch")
out("output representation only", obj({"a": {"type": "string", "nullable": True}}), obj({"a": {"anyOf": [S, {"type": "null"}]}}),
    ["tool-output-equivalent-refactor"], "none")
out("output pattern changed", obj({"s": {"type": "string", "pattern": "^a"}}), obj({"s": {"type": "string", "pattern": "^b"}}),
    ["tool-output-schema-undecided"], "minor")

# ---------------------------------------------------------------- prompts
def prompts(ps, version="1.0.0"):
    return surface(None, version, prompts=ps)

P = lambda name, args=(), **kw: dict({"name": name, "arguments": [dict(a) for a in args]}, **kw)
case("prompt removed", prompts([P("a"), P("b")]), prompts([P("a")], "2.0.0"), ["prompt-removed"], "major")
case("prompt renamed", prompts([P("summarize_doc", [{"name": "doc", "required": True}])]),
     prompts([P("summarize_document", [{"name": "doc", "required": True}])], "2.0.0"), ["prompt-renamed"], "major")
case("prompt added", prompts([P("a")]), prompts([P("a"), P("b")], "1.1.0"), ["prompt-added"], "minor")
case("prompt required argument added", prompts([P("a")]), prompts([P("a", [{"name": "x", "required": True}])], "2.0.0"),
     ["prompt-argument-required-added"], "major")
case("prompt argument became required", prompts([P("a", [{"name": "x"}])]), prompts([P("a", [{"name": "x", "required": True}])], "2.0.0"),
     ["prompt-argument-became-required"], "major")
case("prompt optional argument added", prompts([P("a")]), prompts([P("a", [{"name": "x"}])], "1.1.0"),
     ["prompt-argument-optional-added"], "minor")
case("prompt argument became optional", prompts([P("a", [{"name": "x", "required": True}])]), prompts([P("a", [{"name": "x"}])], "1.1.0"),
     ["prompt-argument-became-optional"], "minor")
case("prompt argument removed", prompts([P("a", [{"name": "x"}])]), prompts([P("a")], "1.1.0"), ["prompt-argument-removed"], "minor")
case("prompt metadata changed", prompts([P("a", description="x")]), prompts([P("a", description="y")], "1.0.1"),
     ["prompt-metadata-changed"], "patch")

# ---------------------------------------------------------------- resources and templates
def res(rs=None, ts=None, version="1.0.0"):
    s = surface(None, version)
    if rs is not None:
        s["resources"] = rs
    if ts is not None:
        s["resourceTemplates"] = ts
    return s

T = lambda uri, name="file", **kw: dict({"uriTemplate": uri, "name": name}, **kw)
R = lambda uri, **kw: dict({"uri": uri, "name": uri}, **kw)
case("template removed", res(ts=[T("file:///{path}")]), res(ts=[], version="2.0.0"), ["resource-template-removed"], "major")
case("template operator changed", res(ts=[T("file:///{path}")]), res(ts=[T("file:///{+path}")], version="2.0.0"),
     ["resource-template-uri-changed"], "major")
case("template variable renamed", res(ts=[T("file:///{path}")]), res(ts=[T("file:///{file}")], version="1.1.0"),
     ["resource-template-variable-renamed"], "minor")
case("template added", res(ts=[]), res(ts=[T("file:///{path}")], version="1.1.0"), ["resource-template-added"], "minor")
case("template mime changed", res(ts=[T("file:///{path}", mimeType="text/plain")]), res(ts=[T("file:///{path}", mimeType="text/markdown")], version="1.1.0"),
     ["resource-template-mime-type-changed"], "minor")
case("resource removed", res(rs=[R("a://1"), R("a://2")]), res(rs=[R("a://1")], version="1.1.0"), ["resource-removed"], "minor")
case("resource added", res(rs=[R("a://1")]), res(rs=[R("a://1"), R("a://2")], version="1.1.0"), ["resource-added"], "minor")
case("resource mime changed", res(rs=[R("a://1", mimeType="text/plain")]), res(rs=[R("a://1", mimeType="application/json")], version="1.1.0"),
     ["resource-mime-type-changed"], "minor")
case("resource metadata changed", res(rs=[R("a://1", description="x")]), res(rs=[R("a://1", description="y")], version="1.0.1"),
     ["resource-metadata-changed"], "patch")

# ---------------------------------------------------------------- server, protocol, capabilities
def init(caps, version="1.0.0", protocol="2025-11-25", info=None, instructions=None, supported=None):
    i = {"protocolVersion": protocol, "capabilities": caps, "serverInfo": info or {"name": "fixture", "version": version}}
    if instructions is not None:
        i["instructions"] = instructions
    s = {"server": {"name": "fixture", "version": version}, "initialize": i}
    if supported is not None:
        s["supportedProtocolVersions"] = supported
    return s

case("protocol revision dropped", init({}, supported=["2024-11-05", "2025-11-25"]), init({}, "2.0.0", supported=["2025-11-25"]),
     ["protocol-version-dropped"], "major")
case("protocol revision added", init({}, supported=["2025-11-25"]), init({}, "1.1.0", supported=["2025-11-25", "2026-07-28"]),
     ["protocol-version-added"], "minor")
case("capability removed", init({"tools": {}, "prompts": {}}), init({"tools": {}}, "2.0.0"), ["capability-removed"], "major")
case("client capability wrongly advertised, then removed", init({"tools": {}, "elicitation": {}}), init({"tools": {}}, "1.1.0"),
     ["capability-nonstandard-removed"], "minor")
case("experimental capability removed", init({"experimental": {"x": {}}}), init({"experimental": {}}, "1.1.0"),
     ["capability-nonstandard-removed"], "minor")
case("capability added", init({"tools": {}}), init({"tools": {}, "logging": {}}, "1.1.0"), ["capability-added"], "minor")
case("resources.subscribe withdrawn", init({"resources": {"subscribe": True}}), init({"resources": {}}, "2.0.0"),
     ["capability-subfeature-removed"], "major")
case("tools.listChanged withdrawn", init({"tools": {"listChanged": True}}), init({"tools": {}}, "1.1.0"),
     ["capability-list-changed-removed"], "minor")
case("listChanged advertised", init({"tools": {}}), init({"tools": {"listChanged": True}}, "1.1.0"), ["capability-subfeature-added"], "minor")
case("server name changed", init({}, info={"name": "a", "version": "1.0.0"}), init({}, "1.0.1", info={"name": "b", "version": "1.0.1"}),
     ["server-name-changed"], "patch")
case("server title changed", init({}, info={"name": "a", "version": "1", "title": "A"}), init({}, "1.0.1", info={"name": "a", "version": "1", "title": "B"}),
     ["server-title-changed"], "patch")
case("serverInfo.version only", init({}, info={"name": "a", "version": "0.2.0"}), init({}, "1.0.0", info={"name": "a", "version": "0.3.0"}),
     ["server-version-string-changed"], "none")
case("instructions changed", init({}, instructions="a"), init({}, "1.0.1", instructions="b"), ["instructions-changed"], "patch")

# ---------------------------------------------------------------- configuration
def cfg(env=None, args=None, transports=None, version="1.0.0"):
    c = {}
    if env is not None:
        c["env"] = env
    if args is not None:
        c["arguments"] = args
    if transports is not None:
        c["transports"] = transports
    return surface(None, version, config=c)

E = lambda name, **kw: dict({"name": name}, **kw)
case("env required added", cfg([]), cfg([E("TOKEN", required=True, secret=True)], version="2.0.0"), ["config-env-required-added"], "major")
case("env became required", cfg([E("TOKEN")]), cfg([E("TOKEN", required=True)], version="2.0.0"), ["config-env-became-required"], "major")
case("env became optional", cfg([E("TOKEN", required=True)]), cfg([E("TOKEN")], version="1.1.0"), ["config-env-became-optional"], "minor")
case("env optional added", cfg([]), cfg([E("LOG_LEVEL")], version="1.1.0"), ["config-env-optional-added"], "minor")
case("env removed", cfg([E("LOG_LEVEL")]), cfg([], version="1.1.0"), ["config-env-removed"], "minor")
case("env choices narrowed", cfg([E("MODE", choices=["a", "b"])]), cfg([E("MODE", choices=["a"])], version="2.0.0"),
     ["config-choices-narrowed"], "major")
case("env default changed", cfg([E("PORT", default="80")]), cfg([E("PORT", default="8080")], version="1.1.0"),
     ["config-env-default-changed"], "minor")
case("env description changed", cfg([E("PORT", description="a")]), cfg([E("PORT", description="b")], version="1.0.1"),
     ["config-env-metadata-changed"], "patch")
case("required argument added", cfg(args=[]), cfg(args=[{"name": "--root", "type": "named", "required": True}], version="2.0.0"),
     ["config-arg-required-added"], "major")
case("optional argument added", cfg(args=[]), cfg(args=[{"name": "--verbose", "type": "named"}], version="1.1.0"),
     ["config-arg-optional-added"], "minor")
case("argument removed", cfg(args=[{"name": "--verbose", "type": "named"}]), cfg(args=[], version="1.1.0"),
     ["config-arg-removed"], "minor")
case("transport removed", cfg(transports=["stdio", "sse"]), cfg(transports=["stdio"], version="2.0.0"), ["transport-removed"], "major")
case("transport added", cfg(transports=["stdio"]), cfg(transports=["stdio", "streamable-http"], version="1.1.0"), ["transport-added"], "minor")
case("server.json environment variables",
     surface(None, config={"packages": [{"registryType": "npm", "identifier": "x", "transport": {"type": "stdio"},
                                         "environmentVariables": [{"name": "A", "isRequired": False}]}]}),
     surface(None, "2.0.0", config={"packages": [{"registryType": "npm", "identifier": "x", "transport": {"type": "stdio"},
                                                  "environmentVariables": [{"name": "A", "isRequired": True}]}]}),
     ["config-env-became-required"], "major")

# ---------------------------------------------------------------- dependencies
def deps(declared=None, resolved=None, engines=None, undeclared=None, version="1.0.0", mcp=None):
    s = surface(None, version, dependencies={"ecosystem": "npm", "declared": declared or {}, "resolved": resolved or {},
                                            "engines": engines or {}, "undeclaredImports": undeclared or {}})
    if mcp:
        s["server"]["mcpName"] = mcp
    return s

case("dependency added", deps({}), deps({"zod": "^3.23.0"}, version="1.0.1"), ["dependency-added"], "patch")
case("dependency removed", deps({"zod": "^3.23.0"}), deps({}, version="1.0.1"), ["dependency-removed"], "patch")
case("dependency range changed", deps({"zod": "^3.23.0"}), deps({"zod": "^3.24.0"}, version="1.0.1"), ["dependency-range-changed"], "patch")
case("dependency equal ranges written differently", deps({"zod": "^3.23.0"}), deps({"zod": ">=3.23.0 <4.0.0-0"}, version="1.0.1"),
     [], "none", ["dependency-range-changed"])
case("dependency major upgraded", deps(resolved={"@modelcontextprotocol/sdk": "1.17.0"}),
     deps(resolved={"@modelcontextprotocol/sdk": "2.0.1"}, version="1.0.1"), ["dependency-major-upgraded"], "patch")
case("runtime engine raised", deps(engines={"node": ">=18"}), deps(engines={"node": ">=20"}, version="1.1.0"), ["runtime-engine-narrowed"], "minor")
case("runtime engine lowered", deps(engines={"node": ">=20"}), deps(engines={"node": ">=18"}, version="1.0.1"),
     ["dependency-range-changed"], "patch", ["runtime-engine-narrowed"])
case("undeclared import appears", deps(), deps(undeclared={"zod": "4.1.5"}, version="1.0.1"), ["dependency-undeclared-import-added"], "patch")
case("undeclared import resolves differently", deps(undeclared={"zod": "3.25.0"}), deps(undeclared={"zod": "4.1.5"}, version="1.0.1"),
     ["dependency-undeclared-import-resolution-changed"], "patch")
case("resolution drift under the same version", deps(resolved={"zod": "3.25.0"}), deps(resolved={"zod": "4.1.5"}),
     ["dependency-resolution-drift", "dependency-major-upgraded"], "minor")
case("mcpName added", deps(), deps(version="1.0.1", mcp="io.github.x/y"), ["manifest-mcp-name-added"], "patch")
case("mcpName changed", deps(mcp="io.github.x/y"), deps(version="1.1.0", mcp="io.github.x/z"), ["manifest-mcp-name-changed"], "minor")

# ---------------------------------------------------------------- policy
case("policy: pattern change counted as breaking", surface([tool(input=obj({"s": {"type": "string", "pattern": "a"}}))]),
     surface([tool(input=obj({"s": {"type": "string", "pattern": "b"}}))], "1.1.0"), ["tool-input-pattern-changed"], "major",
     policy={"rules": {"tool-input-pattern-changed": "breaking"}})
case("policy: wire consumers only", surface([tool(description="a", input=obj({"s": S}))]),
     surface([tool(description="b", input=obj({"s": S, "t": S}))], "1.1.0"), ["tool-input-optional-property-added"], "minor",
     ["tool-description-changed"], policy={"consumers": "wire"})
case("policy: strict mode", surface([tool(annotations={"readOnlyHint": True})]), surface([tool(annotations={})], "1.1.0"),
     ["tool-annotation-readonly-turned-off"], "major", policy={"strict": True})
case("policy: explicit rename hint", surface([tool("alpha", obj({"x": S}))]), surface([tool("omega", obj({"y": N}))], "2.0.0"),
     ["tool-renamed"], "major", ["tool-removed"], policy={"renames": {"alpha": "omega"}})

for c in cases:
    print(json.dumps(c, sort_keys=True))
