/**
 * Copies into emulator/openapi/ the part of Veeam's official OpenAPI specs that the emulator
 * serves: only its operations and the schemas they reach, without descriptions, examples or
 * vendor extensions. The contract test validates emulator responses against these files, so the
 * project never reads ../shared at test time.
 *
 * Run by hand from the repository root when the served routes change:
 *   npx ts-node --transpile-only scripts/trim-openapi.ts [path/to/vb365-openapi]
 * (default source: ../shared/vb365-openapi, the mirror of Cenvora/veeam-365 openapi_schemas).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { servedOperations } from "../emulator/routes";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SOURCE_COMMIT = "ed0b3e8d5c986fb6646d4fb6ea2f39a878e91d2b";
/** Vendor extensions that carry meaning for a validator or a reader; every other x-* goes. */
const KEPT_EXTENSIONS = new Set(["x-anonymous"]);

function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("trim-openapi: run it inside the repository.");
    dir = parent;
  }
  return dir;
}

/** Documentation-only members: `description`/`summary` when they are text (a property may be *named* description). */
function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== "object") return value;
  const result: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    if ((key === "description" || key === "summary") && typeof member === "string") continue;
    if (key === "example" || key === "examples" || key === "tags" || key === "externalDocs") continue;
    if (key.startsWith("x-") && !KEPT_EXTENSIONS.has(key)) continue;
    result[key] = strip(member);
  }
  return result;
}

function references(value: Json, found: Set<string>): void {
  if (Array.isArray(value)) return value.forEach((item) => references(item, found));
  if (value === null || typeof value !== "object") return;
  for (const [key, member] of Object.entries(value)) {
    if (key === "$ref" && typeof member === "string") found.add(member.replace("#/components/schemas/", ""));
    else references(member, found);
  }
}

function trim(spec: JsonObject, version: string): JsonObject {
  const sourcePaths = spec.paths as JsonObject;
  const sourceSchemas = (spec.components as JsonObject).schemas as JsonObject;
  const paths: JsonObject = {};
  for (const operation of servedOperations([version])) {
    const item = sourcePaths[operation.path] as JsonObject | undefined;
    const method = operation.method.toLowerCase();
    if (!item?.[method]) throw new Error(`trim-openapi: the spec of ${version} has no ${operation.method} ${operation.path}.`);
    const target = (paths[operation.path] ??= {}) as JsonObject;
    target[method] = strip(item[method]!);
  }
  const schemas: JsonObject = {};
  const pending = new Set<string>();
  references(paths, pending);
  while (pending.size > 0) {
    const [name] = pending;
    pending.delete(name!);
    if (schemas[name!] !== undefined) continue;
    const schema = sourceSchemas[name!];
    if (schema === undefined) throw new Error(`trim-openapi: ${version} references a missing schema ${name}.`);
    schemas[name!] = strip(schema);
    const more = new Set<string>();
    references(schemas[name!]!, more);
    for (const next of more) if (schemas[next] === undefined) pending.add(next);
  }
  const sorted: JsonObject = {};
  for (const name of Object.keys(schemas).sort()) sorted[name] = schemas[name]!;
  return {
    openapi: spec.openapi!,
    info: { title: (spec.info as JsonObject).title!, version: (spec.info as JsonObject).version! },
    "x-trimmed-from": `Cenvora/veeam-365 openapi_schemas/vb365_rest_${version}.json @ ${SOURCE_COMMIT}, by scripts/trim-openapi.ts`,
    paths,
    components: { schemas: sorted },
  };
}

function main(): void {
  const root = repositoryRoot();
  const source = resolve(process.argv[2] ?? join(root, "..", "shared", "vb365-openapi"));
  const out = join(root, "emulator", "openapi");
  mkdirSync(out, { recursive: true });
  for (const version of ["v6", "v7", "v8"]) {
    const spec = JSON.parse(readFileSync(join(source, `vb365_rest_${version}.json`), "utf8")) as JsonObject;
    const trimmed = trim(spec, version);
    const file = join(out, `vb365_rest_${version}.trimmed.json`);
    writeFileSync(file, `${JSON.stringify(trimmed, null, 2)}\n`);
    const counts = `${Object.keys(trimmed.paths as JsonObject).length} paths, ${Object.keys(((trimmed.components as JsonObject).schemas as JsonObject)).length} schemas`;
    process.stdout.write(`${file}: ${counts}\n`);
  }
}

main();
