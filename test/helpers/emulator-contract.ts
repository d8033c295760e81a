import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { RequestLogEntry } from "../../emulator";

// Validates emulator responses, and the request bodies a client sends, against the trimmed official
// specs in emulator/openapi/. Stricter than the spec on one point: objects may not carry
// properties the spec does not declare, so an emulator that leaks a field (or a secret), or a
// client that sends one Veeam does not know, fails the contract.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SPEC_DIR = join(__dirname, "..", "..", "emulator", "openapi");
const specs = new Map<string, JsonObject>();
const validators = new Map<string, ValidateFunction>();
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);

export function spec(version: string): JsonObject {
  let loaded = specs.get(version);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(join(SPEC_DIR, `vb365_rest_${version}.trimmed.json`), "utf8")) as JsonObject;
    specs.set(version, loaded);
    const schemas = (loaded.components as JsonObject).schemas as JsonObject;
    ajv.addSchema({ $id: `vb365-${version}`, components: { schemas: closed(rebase(schemas, version)) } } as object);
  }
  return loaded;
}

/** Every operation of the trimmed spec as "METHOD /vN/path". */
export function specOperations(version: string): string[] {
  const paths = spec(version).paths as JsonObject;
  return Object.entries(paths).flatMap(([path, item]) => Object.keys(item as JsonObject).map((method) => `${method.toUpperCase()} ${path}`));
}

/** "$ref": "#/components/..." → "vb365-v8#/components/..." so fragments compile on their own. */
function rebase(value: Json, version: string): Json {
  if (Array.isArray(value)) return value.map((item) => rebase(item, version));
  if (value === null || typeof value !== "object") return value;
  const result: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    result[key] = key === "$ref" && typeof member === "string" ? `vb365-${version}${member}` : rebase(member, version);
  }
  return result;
}

/**
 * Adds `additionalProperties: false` wherever an object lists its properties and says nothing
 * else. Also lets `nullable: true` enums hold null: Swashbuckle writes a C# `ErrorCode?` that way
 * (RESTExceptionInfo.errorCode), while Ajv only applies `nullable` to `type`.
 */
function closed(value: Json): Json {
  if (Array.isArray(value)) return value.map(closed);
  if (value === null || typeof value !== "object") return value;
  const result: JsonObject = {};
  for (const [key, member] of Object.entries(value)) result[key] = key === "properties" ? mapValues(member as JsonObject, closed) : closed(member);
  if (result.properties !== undefined && result.additionalProperties === undefined) result.additionalProperties = false;
  if (result.nullable === true && Array.isArray(result.enum) && !result.enum.includes(null)) result.enum = [...result.enum, null];
  return result;
}

function mapValues(object: JsonObject, map: (value: Json) => Json): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));
}

function validator(version: string, key: string, schema: Json): ValidateFunction {
  const cacheKey = `${version} ${key}`;
  let validate = validators.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(closed(rebase(schema, version)) as object);
    validators.set(cacheKey, validate);
  }
  return validate;
}

/**
 * Problems with one logged response, empty when it honours the spec of its version: the status
 * is declared (or is an error covered by `default`), and the body matches the declared schema.
 */
export function responseViolations(entry: RequestLogEntry): string[] {
  if (entry.status === 0 || entry.version === null) return [];
  const where = `${entry.method} ${entry.path} -> ${entry.status}`;
  const document = spec(entry.version);
  const errorSchema: Json = { $ref: "#/components/schemas/RESTExceptionInfo" };
  if (entry.route === null) return check(entry, where, "RESTExceptionInfo", errorSchema);
  const operation = ((document.paths as JsonObject)[entry.route] as JsonObject | undefined)?.[entry.method.toLowerCase()] as JsonObject | undefined;
  if (!operation) return [`${where}: the spec of ${entry.version} has no ${entry.method} ${entry.route}`];
  const responses = operation.responses as JsonObject;
  const declared = responses[String(entry.status)] as JsonObject | undefined;
  if (!declared && entry.status < 400) return [`${where}: status ${entry.status} is not declared for ${entry.method} ${entry.route}`];
  const response = declared ?? (responses.default as JsonObject);
  const content = response.content as JsonObject | undefined;
  if (!content) {
    return entry.responseBody === undefined ? [] : [`${where}: the spec declares no body, the emulator sent ${JSON.stringify(entry.responseBody).slice(0, 200)}`];
  }
  const media = content["application/json"] ?? Object.values(content)[0];
  const schema = (media as JsonObject).schema!;
  return check(entry, where, `${entry.method} ${entry.route} ${entry.status}`, schema);
}

/**
 * Problems with the JSON body of one logged request, empty when it matches the request schema of
 * its operation. For what a client of ours sends: the emulator's own tests send malformed bodies
 * on purpose. Secrets arrive redacted, which every string schema still accepts.
 */
export function requestViolations(entry: RequestLogEntry): string[] {
  if (entry.version === null || entry.route === null || entry.kind === "token" || entry.requestBody === undefined) return [];
  const where = `${entry.method} ${entry.path} request`;
  const operation = ((spec(entry.version).paths as JsonObject)[entry.route] as JsonObject | undefined)?.[entry.method.toLowerCase()] as JsonObject | undefined;
  const content = ((operation?.requestBody as JsonObject | undefined)?.content as JsonObject | undefined)?.["application/json"] as JsonObject | undefined;
  if (!content?.schema) return [`${where}: the spec of ${entry.version} declares no JSON body for ${entry.method} ${entry.route}`];
  const validate = validator(entry.version, `${entry.method} ${entry.route} request`, content.schema);
  if (validate(entry.requestBody)) return [];
  return (validate.errors ?? []).map((error) => `${where}: ${error.instancePath || "(body)"} ${error.message}${error.params && "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : ""}`);
}

function check(entry: RequestLogEntry, where: string, key: string, schema: Json): string[] {
  if (!("responseBody" in entry)) return [`${where}: no response body was recorded (start the emulator with recordBodies)`];
  let body = entry.responseBody;
  // Documented deviation: token errors also carry OAuth's {error, error_description} (vb365-api.md §2.5).
  if (entry.kind === "token" && entry.status >= 400 && body && typeof body === "object") {
    const { error: _error, error_description: _description, ...rest } = body as Record<string, unknown>;
    body = rest;
  }
  const validate = validator(entry.version!, key, schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${where}: ${error.instancePath || "(body)"} ${error.message}${error.params && "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : ""}`);
}

export function contractViolations(entries: readonly RequestLogEntry[]): string[] {
  return entries.flatMap(responseViolations);
}
