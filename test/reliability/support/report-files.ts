import * as fs from "node:fs";
import * as path from "node:path";
import { reliabilityMarkdown } from "./report-markdown";
import { type Measured, reliabilityFigures } from "./report";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
/** Where every run leaves its figures; ignored by git, so that a test run changes no tracked file. */
export const RUN_DIR = path.join(REPO_ROOT, "test-results", "reliability");

/**
 * Writes the figures of a whole run to RUN_DIR and, when `publish` (`--write-report`), to the
 * published reliability.json and docs/reliability.md too; prints the summary line.
 */
export function writeReliabilityReport(measured: Measured, finishedAt: number, publish: boolean): void {
  const figures = reliabilityFigures(measured, finishedAt);
  const json = `${JSON.stringify(figures, null, 2)}\n`;
  const markdown = reliabilityMarkdown(figures);
  fs.mkdirSync(RUN_DIR, { recursive: true });
  fs.writeFileSync(path.join(RUN_DIR, "reliability.json"), json);
  fs.writeFileSync(path.join(RUN_DIR, "reliability.md"), markdown);
  if (publish) {
    fs.writeFileSync(path.join(REPO_ROOT, "reliability.json"), json);
    fs.writeFileSync(path.join(REPO_ROOT, "docs", "reliability.md"), markdown);
  }
  const { details: _details, npmAudit: _audit, ...summary } = figures;
  console.log(`\n  reliability figures (${path.relative(REPO_ROOT, RUN_DIR)}/): ${JSON.stringify(summary)}`);
}

/** What one process measured, as a part of a run the runner merges (JSON: the scanner as its counts). */
export function measuredPart(measured: Measured): Measured {
  return { ...measured, secrets: { size: measured.secrets.size, scans: measured.secrets.scans, findings: measured.secrets.findings } };
}

/** The parts of one run as one: lists joined, counts added, the earliest start. */
export function mergeParts(parts: Measured[]): Measured {
  const joined = <T>(pick: (part: Measured) => T[]): T[] => parts.flatMap(pick);
  return {
    startedAt: Math.min(...parts.map((part) => part.startedAt)),
    pulumiVersion: parts[0].pulumiVersion,
    faultCases: joined((part) => part.faultCases),
    badInputs: joined((part) => part.badInputs),
    interruptions: joined((part) => part.interruptions),
    wrongTenantSignIns: joined((part) => part.wrongTenantSignIns),
    tls: joined((part) => part.tls),
    hostileInputs: joined((part) => part.hostileInputs),
    audit: parts.find((part) => part.audit)?.audit,
    secrets: {
      size: parts.reduce((sum, part) => sum + part.secrets.size, 0),
      scans: parts.reduce((sum, part) => sum + part.secrets.scans, 0),
      findings: joined((part) => part.secrets.findings),
    },
    engineRuns: parts.reduce((sum, part) => sum + part.engineRuns, 0),
  };
}
