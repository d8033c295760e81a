import type { ExportResult, SkippedOrganization } from "./export";
import type { ExportedTenant } from "./tenant-entry";

/** The single JSON object of --json; `error` is added on failure. */
export interface ExportReport {
  /** The file added to; absent when the entries went to stdout only (in `entries`). */
  file?: string;
  /** Whether the file was written (false when there was nothing to add). */
  written?: boolean;
  added: Array<{ name: string; organization: string }>;
  skipped: SkippedOrganization[];
  warnings: string[];
  entries: ExportedTenant[];
  /** HTTP requests the export made besides logging in. */
  requests: number;
  error?: { code: string; exitCode: number; message: string; hint?: string };
}

export function exportReport(result: ExportResult | undefined, file: string | undefined, written: boolean, requests: number): ExportReport {
  return {
    ...(file ? { file, written } : {}),
    added: (result?.exports ?? []).map(({ entry }) => ({ name: entry.name, organization: entry.organization })),
    skipped: result?.skipped ?? [],
    warnings: result?.warnings ?? [],
    entries: (result?.exports ?? []).map(({ entry }) => entry),
    requests,
  };
}

/** What a person reads on stderr: what was added, what was there already, the warnings. */
export function summaryText(result: ExportResult, context: { url: string; file?: string; written: boolean; requests: number }): string {
  const lines: string[] = [];
  const jobs = result.exports.reduce((count, { entry }) => count + entry.backup.length, 0);
  const where = context.file ?? "stdout";
  lines.push(
    `${context.url} has ${plural(result.organizations, "organization")}; ${result.exports.length ? `exported ${plural(result.exports.length, "new one")} with ${plural(jobs, "job")}` : "none is new"} (${plural(context.requests, "request")} after the login).`,
  );
  if (result.exports.length) {
    lines.push(`${context.file ? (context.written ? "Added to" : "To add to") : "Written to"} ${where}:`);
    for (const { entry } of result.exports) lines.push(`  + ${entry.name} (${entry.organization})`);
  }
  if (result.skipped.length) {
    lines.push(`Already in ${context.file}:`);
    for (const skipped of result.skipped) lines.push(`  = ${skipped.name ? `${skipped.name} (${skipped.organization})` : skipped.organization}`);
  }
  if (context.file && !result.exports.length) lines.push(`Nothing to add; ${context.file} is unchanged.`);
  for (const warning of result.warnings) lines.push(`Warning: ${warning}`);
  if (result.exports.length) lines.push("Next: read the comments in the new entries, then run pulumi preview, which shows what taking the organizations over would change.");
  return `${lines.join("\n")}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
