import type { RequestCount } from "./types";

/** A GitHub-flavoured Markdown table. */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export function s(ms: number): string {
  return (ms / 1000).toFixed(2);
}

export function ratio(ours: number, floor: number): string {
  return (ours / floor).toFixed(2);
}

export function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(2);
}

/** A request count with its kinds: "3 (organizations.list 1, token 1, ...)". */
export function requests(count: RequestCount): string {
  const kinds = Object.entries(count.byKind).sort(([a], [b]) => a.localeCompare(b));
  return count.total === 0 ? "0" : `${count.total} (${kinds.map(([kind, made]) => `${kind} ${made}`).join(", ")})`;
}
