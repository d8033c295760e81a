import { Document, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { TenantExport } from "./tenant-entry";

/** Comments are wrapped here; the entries' own lines are never folded. */
const COMMENT_WIDTH = 92;
const TO_STRING = { lineWidth: 0 } as const;

/**
 * The entries as a block sequence at column 0 ("- name: …"), in the style of tenants.yaml: flow
 * mappings for services, schedules and items, each comment above the field it is about, and a
 * blank line between entries when `spaced`.
 */
export function sequenceText(exports: readonly TenantExport[], spaced: boolean): string {
  const doc = new Document();
  const seq = doc.createNode(exports.map((exported) => exported.entry));
  seq.items.forEach((item, index) => styleEntry(item as YAMLMap, exports[index], spaced && index > 0));
  doc.contents = seq;
  return doc.toString(TO_STRING);
}

/** A whole tenants file of `exports`, `header` (lines) above it. */
export function fileText(exports: readonly TenantExport[], header: readonly string[]): string {
  const doc = new Document({ tenants: exports.map((exported) => exported.entry) });
  doc.commentBefore = header.map((line) => ` ${line}`).join("\n");
  const tenants = doc.get("tenants", true);
  if (isSeq(tenants)) tenants.items.forEach((item, index) => styleEntry(item as YAMLMap, exports[index], index > 0));
  return doc.toString(TO_STRING);
}

/** The nodes of `exports`, styled, for a document that is edited rather than written anew. */
export function entryNodes(doc: Document, exports: readonly TenantExport[]): YAMLMap[] {
  return exports.map((exported, index) => {
    const node = doc.createNode(exported.entry) as YAMLMap;
    styleEntry(node, exported, index > 0);
    return node;
  });
}

function styleEntry(entry: YAMLMap, exported: TenantExport, spaceBefore: boolean): void {
  entry.spaceBefore = spaceBefore;
  flow(entry.get("services", true));
  comment(pairOf(entry, "authentication"), exported.notes.authentication);
  comment(pairOf(entry, "backup"), exported.notes.backup);
  const backup = entry.get("backup", true);
  if (!isSeq(backup)) return;
  backup.items.forEach((job, index) => {
    if (!isMap(job)) return;
    const note = exported.notes.jobs[index];
    if (note) job.commentBefore = commentText(note);
    const schedule = job.get("schedule", true);
    if (isMap(schedule)) styleSchedule(schedule);
    for (const list of ["selectedItems", "excludedItems"]) {
      const items = job.get(list, true);
      if (isSeq(items)) items.items.forEach(flow);
    }
  });
}

/** One line, unless it has windows: then each window's span is a line of its own. */
function styleSchedule(schedule: YAMLMap): void {
  // "22:00" is a string to YAML 1.2 but a number of minutes to YAML 1.1 readers: quoted, as tenants.yaml has it.
  quote(schedule.get("dailyTime", true));
  const windows = ["backupWindow", "periodicallyWindow"].map((key): unknown => schedule.get(key, true)).filter((node): node is YAMLMap => isMap(node));
  if (windows.length === 0) return flow(schedule);
  for (const window of windows) {
    const allowed = window.get("allowed", true);
    if (!isSeq(allowed)) continue;
    for (const span of allowed.items) {
      flow(span);
      if (isMap(span)) ["from", "to"].forEach((key) => quote(span.get(key, true)));
    }
  }
}

function quote(node: unknown): void {
  if (isScalar(node)) node.type = "QUOTE_DOUBLE";
}

function flow(node: unknown): void {
  if (isMap(node) || isSeq(node)) node.flow = true;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key);
}

/** A comment on a pair stands above its key. */
function comment(pair: Pair | undefined, note: string | undefined): void {
  if (pair && note && isScalar(pair.key)) (pair.key as Node).commentBefore = commentText(note);
}

/** `note` as comment lines (yaml adds the #), wrapped; its own line breaks are kept. */
export function commentText(note: string): string {
  return note
    .split("\n")
    .flatMap((paragraph) => wrap(paragraph, COMMENT_WIDTH))
    .map((line) => ` ${line}`)
    .join("\n");
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}
