import { spawnSync } from "node:child_process";
import * as path from "node:path";
import type { AuditResult } from "./results";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const COMMAND = ["audit", "--omit=dev", "--json"];

interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  error?: { summary?: string; detail?: string };
}

/**
 * `npm audit --omit=dev`: the count of high and critical advisories against the dependencies a
 * user installs, or, when the registry's audit endpoint does not answer, what it said instead.
 */
export function npmAudit(): AuditResult {
  const run = spawnSync("npm", COMMAND, { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  const command = `npm ${COMMAND.join(" ")}`;
  let report: AuditReport | undefined;
  try {
    report = JSON.parse(run.stdout) as AuditReport;
  } catch {
    report = undefined;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts) return { command, highOrCritical: (counts.high ?? 0) + (counts.critical ?? 0), bySeverity: counts };
  const reason = report?.message ?? report?.error?.summary ?? run.error?.message ?? run.stderr.split("\n").find((line) => /error/i.test(line)) ?? `exit code ${run.status}`;
  return { command, highOrCritical: null, unavailable: `the registry's audit endpoint did not answer: ${reason.trim()}` };
}
