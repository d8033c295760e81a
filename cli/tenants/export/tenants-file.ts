import { isDeepStrictEqual } from "node:util";
import { type Document, isMap, isScalar, isSeq, parseDocument, type YAMLSeq } from "yaml";
import { tenantsFileSchema } from "../../../program/tenants-schema";
import { parseTenantsYaml, readTenantsText, TenantsYamlError } from "../../../program/yaml-reader";
import { CommandError } from "../../command-error";
import { EXIT } from "../../exit-codes";
import type { TenantExport } from "./tenant-entry";
import { entryNodes, sequenceText } from "./tenants-yaml";

/** A tenants file that exists, as far as an export needs it. */
export interface ExistingTenantsFile {
  /** As the user gave it, for messages. */
  path: string;
  text: string;
  /** Its tenants' organizations, lower case: an organization VB365 holds once, whatever its case. */
  organizations: Map<string, string>;
  /** Its tenants' names, which new entries must not take. */
  names: Set<string>;
  /** Its defaults.repository, or the default of it. */
  defaultRepository: string;
}

/**
 * Reads `file` (`shown` in messages) for a merge, through the root program's reader of tenants
 * files (its bounds on size and aliases, its refusal of duplicate keys); undefined when it does
 * not exist (the export then writes it anew).
 */
export function readMergeTarget(file: string, shown = file): ExistingTenantsFile | undefined {
  let text: string;
  try {
    text = readTenantsText(file, shown);
  } catch (error) {
    if (error instanceof TenantsYamlError) throw refusedYaml(error);
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CommandError(`--file ${shown} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, "tenants_file_unreadable", EXIT.failed);
  }
  const { document: doc, raw } = parsed(text, shown);
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw notTenantsFile(shown, "it is not a mapping with tenants:");
  const tenants = doc.get("tenants", true);
  if (tenants !== undefined && !isSeq(tenants) && !(isScalar(tenants) && tenants.value === null)) throw notTenantsFile(shown, "its tenants: is not a list");
  const organizations = new Map<string, string>();
  const names = new Set<string>();
  for (const item of isSeq(tenants) ? tenants.items : []) {
    if (!isMap(item)) continue;
    const organization = item.get("organization");
    const name = item.get("name");
    if (typeof organization === "string") organizations.set(organization.trim().toLowerCase(), typeof name === "string" ? name : "");
    if (typeof name === "string") names.add(name);
  }
  return { path: shown, text, organizations, names, defaultRepository: defaultRepositoryOf(raw) };
}

/** The repository a job without one writes to, read through the program's own schema from the file's value. */
export function defaultRepositoryOf(raw: unknown): string {
  const schema = tenantsFileSchema().shape.defaults;
  const declared = schema.safeParse((raw as { defaults?: unknown } | null | undefined)?.defaults ?? undefined);
  return (declared.success ? declared.data : schema.parse(undefined)).repository;
}

/**
 * The file with `exports` appended to its `tenants:` list. The new entries are inserted as text
 * after the last entry, indented as the entries are, so that every byte already there stays (the
 * yaml library keeps comments but reformats what it prints). Where that cannot be done (a flow
 * list, no list yet) or the result would read back otherwise, the Document API edits the list,
 * which keeps the comments.
 */
export function appendedText(existing: ExistingTenantsFile, exports: readonly TenantExport[]): string {
  const doc = parsed(existing.text, existing.path).document;
  const tenants = doc.get("tenants", true);
  if (isSeq(tenants)) {
    const inserted = insertedAsText(existing.text, tenants, exports);
    if (inserted !== undefined && readsBack(existing.text, inserted, exports)) return inserted;
  }
  const seq = isSeq(tenants) ? tenants : (doc.createNode([]) as YAMLSeq);
  seq.flow = false;
  seq.items.push(...entryNodes(doc, exports));
  if (!isSeq(tenants)) doc.set("tenants", seq);
  return doc.toString({ lineWidth: 0 });
}

function insertedAsText(text: string, tenants: YAMLSeq, exports: readonly TenantExport[]): string | undefined {
  if (tenants.flow || tenants.items.length === 0 || !tenants.range) return undefined;
  const [start, end] = tenants.range;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const indent = text.slice(lineStart, start);
  if (!/^ *$/.test(indent)) return undefined;
  const spaced = tenants.items.length === 1 || blankLineBetween(text, tenants);
  const block = sequenceText(exports, spaced)
    .split("\n")
    .map((line) => (line ? `${indent}${line}` : line))
    .join("\n");
  let before = text.slice(0, end);
  if (!before.endsWith("\n")) before += "\n";
  if (spaced && !/\n[ \t]*\n$/.test(before)) before += "\n";
  return `${before}${block}${text.slice(end)}`;
}

/** Whether the file's entries are separated by blank lines, as tenants.yaml's are. */
function blankLineBetween(text: string, tenants: YAMLSeq): boolean {
  const [first, second] = tenants.items as Array<{ range?: [number, number, number] }>;
  if (!first?.range || !second?.range) return false;
  return /\n[ \t]*\n/.test(text.slice(first.range[1] - 1, second.range[0]));
}

/** The merged text holds the old tenants unchanged, then the new ones, and nothing else moved. */
function readsBack(before: string, after: string, exports: readonly TenantExport[]): boolean {
  const old = parseDocument(before).toJS() as Record<string, unknown>;
  const merged = parseDocument(after);
  if (merged.errors.length) return false;
  const now = merged.toJS() as Record<string, unknown>;
  const oldTenants = old.tenants as unknown[];
  const expected = { ...old, tenants: [...oldTenants, ...exports.map((exported) => JSON.parse(JSON.stringify(exported.entry)))] };
  return isDeepStrictEqual(now, expected);
}

function parsed(text: string, file: string): { document: Document; raw: unknown } {
  try {
    return parseTenantsYaml(text, file);
  } catch (error) {
    throw error instanceof TenantsYamlError ? refusedYaml(error) : error;
  }
}

/** The file's YAML as the reader refused it, with the first place it goes wrong. */
function refusedYaml(error: TenantsYamlError): CommandError {
  const [first] = error.problems;
  return notTenantsFile(error.file, `it ${error.reason}${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ""}`);
}

/** The file is bad input (exit code 2): nothing is asked of the server, nothing is written. */
function notTenantsFile(file: string, why: string): CommandError {
  return new CommandError(`--file ${file} cannot be added to: ${why}.`, "tenants_file_invalid", EXIT.usage, "Fix the file (docs/tenants-file.md), or export to another --file, or without --file to print the entries.");
}
