import { spawn } from "node:child_process";
import * as path from "node:path";

/**
 * `npm test` after the build: the Pulumi CLI and language hosts made sure of
 * (scripts/ensure-pulumi: a download and build of several minutes on a fresh machine, much of it
 * waiting on the network) while the unit and integration suites run, which need neither; then the
 * engine suite after them, and the reliability suite beside it. Each line of output is prefixed
 * with its suite. The reliability cases spend much of their time waiting (Retry-After, timeouts,
 * kills), which the engine suite's CPU work fills. A line stops at its first failing suite; the
 * exit code is the worst of all.
 */
const REPO_ROOT = path.resolve(__dirname, "..");
const BIN = path.join(REPO_ROOT, "node_modules", ".bin");

interface Suite {
  name: string;
  command: string;
  args: string[];
  /** Runs only once the Pulumi CLI and language hosts are there. */
  needsPulumi?: boolean;
}

const mocha = (name: string, needsPulumi = false): Suite => ({ name, command: path.join(BIN, "mocha"), args: ["--config", `test/.mocharc.${name}.js`], needsPulumi });

const ENSURE_PULUMI: Suite = { name: "setup", command: "bash", args: [path.join("scripts", "ensure-pulumi")] };

const LINES: Suite[][] = [
  [mocha("unit"), mocha("integration"), mocha("engine", true)],
  [{ name: "reliability", command: path.join(BIN, "ts-node"), args: ["--transpile-only", "test/reliability/run.ts", ...process.argv.slice(2)], needsPulumi: true }],
];

function prefixed(name: string, sink: NodeJS.WriteStream): (chunk: Buffer) => void {
  let pending = "";
  return (chunk) => {
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) sink.write(`${name} | ${line}\n`);
  };
}

interface Outcome {
  suite: string;
  code: number;
  seconds: number;
}

function run(suite: Suite): Promise<Outcome> {
  const started = Date.now();
  const child = spawn(suite.command, suite.args, { cwd: REPO_ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", prefixed(suite.name, process.stdout));
  child.stderr.on("data", prefixed(suite.name, process.stderr));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ suite: suite.name, code: code ?? (signal ? 128 : 1), seconds: (Date.now() - started) / 1000 }));
  });
}

async function runLine(suites: Suite[], pulumi: Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const suite of suites) {
    if (suite.needsPulumi && (await pulumi).code !== 0) break;
    outcomes.push(await run(suite));
    if (outcomes.at(-1)!.code !== 0) break;
  }
  return outcomes;
}

async function main(): Promise<number> {
  const pulumi = run(ENSURE_PULUMI);
  const lines = Promise.all(LINES.map((line) => runLine(line, pulumi)));
  const outcomes = [await pulumi, ...(await lines).flat()];
  for (const { suite, code, seconds } of outcomes) console.log(`${suite}: ${code === 0 ? "passed" : `failed (exit ${code})`} in ${seconds.toFixed(0)} s`);
  const ran = new Set(outcomes.map((outcome) => outcome.suite));
  const skipped = LINES.flat().filter((suite) => !ran.has(suite.name));
  for (const suite of skipped) console.log(`${suite.name}: not run, since a suite before it failed`);
  return Math.max(skipped.length > 0 ? 1 : 0, ...outcomes.map((outcome) => outcome.code));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
