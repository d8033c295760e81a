import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderReport } from "../report/markdown";
import type { Progress } from "./progress";
import type { BenchResults, RunMethod } from "../report/types";

const ROOT = path.join(__dirname, "..", "..");
/** Where the figures go in the repository, relative to its root. */
const RECORD = { results: "bench/results.json", report: "docs/benchmarks.md" } as const;

/**
 * Where results go: the repository's bench/results.json and docs/benchmarks.md, or, for a quick
 * run, a directory under the system's temp dir (a quick run's figures are for developing the
 * bench, not for the record). BENCH_OUT names another directory.
 */
export function outputPaths(quick: boolean): { results: string; report: string } {
  const dir = process.env.BENCH_OUT ?? (quick ? path.join(os.tmpdir(), "vb365-bench-quick") : undefined);
  if (dir === undefined) return { results: path.join(ROOT, RECORD.results), report: path.join(ROOT, RECORD.report) };
  fs.mkdirSync(dir, { recursive: true });
  return { results: path.join(dir, "results.json"), report: path.join(dir, "benchmarks.md") };
}

/**
 * Merges `patch` into the results the file holds (the repository's when the output file does
 * not exist yet), keeping every key the patch does not name; goals merge key by key. Writes the
 * results and the report rendered from all of them; returns the report.
 */
export function publish(patch: BenchResults, quick: boolean): string {
  const paths = outputPaths(quick);
  const base = readResults(fs.existsSync(paths.results) ? paths.results : path.join(ROOT, RECORD.results));
  const merged: BenchResults = { ...base, ...patch, goals: { ...base.goals, ...patch.goals } };
  fs.writeFileSync(paths.results, `${JSON.stringify(merged, null, 2)}\n`);
  const report = renderReport(merged);
  fs.writeFileSync(paths.report, report);
  console.log(`[bench] wrote ${paths.results} and ${paths.report}`);
  return report;
}

function readResults(file: string): BenchResults {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults) : {};
}

/** `finish()` gives the run's method record: its sessions, time and load as `progress` kept them. */
export function runMethod(quick: boolean, progress: Progress): RunMethod {
  const { sessions, elapsedMs, firstLoadAverage, revision: measured } = progress.summary();
  return {
    quick,
    machine: `${os.availableParallelism()} CPU (${os.cpus()[0]?.model ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverageAtStart: round1(firstLoadAverage),
    loadAverageAtEnd: round1(os.loadavg()[0]!),
    date: new Date().toISOString(),
    durationSeconds: Math.round(elapsedMs / 1000),
    revision: measured ?? revision(),
    sessions,
  };
}

/**
 * The commit checked out, `+dirty` when tracked files differ from it: but for the figures the
 * benches write, which an earlier run of another bench may have left uncommitted.
 */
export function revision(): string {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  try {
    const changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ...Object.values(RECORD).map((file) => `:(exclude)${file}`));
    return `${git("rev-parse", "--short=7", "HEAD")}${changed ? "+dirty" : ""}`;
  } catch {
    return "unknown";
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
