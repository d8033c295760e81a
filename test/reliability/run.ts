import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { type Measured } from "./support/report";
import { mergeParts, REPO_ROOT, RUN_DIR, writeReliabilityReport } from "./support/report-files";

/**
 * The reliability suite as two mocha processes side by side, one per fleet, then one report
 * merged from both. A case's time is mostly waits (Retry-After, timeouts, retries), not CPU, so
 * two fleets at once take little longer than the longer one alone. Arguments after the script
 * (`--write-report`) go to the report; each part's output is printed with its name in front.
 */
const FLEET_SPECS = ["faults", "interruption", "tenant-identity"];
const OTHER_SPECS = ["bad-input", "hostile-input", "tls", "npm-audit"];

interface Part {
  name: string;
  fleets: string;
  specs: string[];
}

const PARTS: Part[] = [
  { name: "mixed", fleets: "mixed", specs: [...FLEET_SPECS, ...OTHER_SPECS] },
  { name: "shared", fleets: "shared", specs: FLEET_SPECS },
];

function specFile(name: string): string {
  return path.join("test", "reliability", `${name}.test.ts`);
}

/** Every spec file of the suite belongs to exactly one list above, or a new one would never run. */
function checkEverySpecRuns(): void {
  const listed = new Set([...FLEET_SPECS, ...OTHER_SPECS].map(specFile));
  const present = fs.readdirSync(path.join(REPO_ROOT, "test", "reliability")).filter((file) => file.endsWith(".test.ts")).map((file) => path.join("test", "reliability", file));
  const unlisted = present.filter((file) => !listed.has(file));
  if (unlisted.length > 0) throw new Error(`test/reliability/run.ts runs no part with ${unlisted.join(", ")}: add it to FLEET_SPECS or OTHER_SPECS`);
}

function partFile(part: Part): string {
  return path.join(RUN_DIR, `part-${part.name}.json`);
}

function prefixed(name: string, sink: NodeJS.WriteStream): (chunk: Buffer) => void {
  let pending = "";
  return (chunk) => {
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) sink.write(`[${name}] ${line}\n`);
  };
}

function runPart(part: Part): Promise<number> {
  fs.rmSync(partFile(part), { force: true });
  const mocha = path.join(REPO_ROOT, "node_modules", ".bin", "mocha");
  const child = spawn(mocha, ["--config", "test/.mocharc.reliability.js"], {
    cwd: REPO_ROOT,
    env: { ...process.env, RELIABILITY_FLEETS: part.fleets, RELIABILITY_SPECS: part.specs.map(specFile).join(","), RELIABILITY_PART_FILE: partFile(part) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", prefixed(part.name, process.stdout));
  child.stderr.on("data", prefixed(part.name, process.stderr));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  checkEverySpecRuns();
  const codes = await Promise.all(PARTS.map(runPart));
  const missing = PARTS.filter((part) => !fs.existsSync(partFile(part)));
  if (missing.length > 0) {
    console.error(`reliability: ${missing.map((part) => part.name).join(", ")} wrote no figures (${missing.map(partFile).join(", ")}); see its output above`);
    return 1;
  }
  const parts = PARTS.map((part) => JSON.parse(fs.readFileSync(partFile(part), "utf8")) as Measured);
  writeReliabilityReport(mergeParts(parts), Date.now(), process.argv.includes("--write-report"));
  PARTS.forEach((part, i) => console.log(`  ${part.name}: ${codes[i] === 0 ? "passed" : `failed (exit ${codes[i]})`}`));
  return Math.max(...codes);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
