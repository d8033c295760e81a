import { spawn } from "node:child_process";
import * as path from "node:path";

/**
 * `npm test`'s last step: the engine suite and the reliability suite at the same time, each in
 * its own processes, every output line prefixed with its suite. The reliability cases spend most
 * of their time waiting (Retry-After, timeouts, kills), which the engine suite's CPU work fills,
 * so the two together take little more than the longer one; the exit code is the worse of both.
 */
const REPO_ROOT = path.resolve(__dirname, "..");
const BIN = path.join(REPO_ROOT, "node_modules", ".bin");

const SUITES = [
  { name: "engine", command: path.join(BIN, "mocha"), args: ["--config", "test/.mocharc.engine.js"] },
  { name: "reliability", command: path.join(BIN, "ts-node"), args: ["--transpile-only", "test/reliability/run.ts", ...process.argv.slice(2)] },
];

function prefixed(name: string, sink: NodeJS.WriteStream): (chunk: Buffer) => void {
  let pending = "";
  return (chunk) => {
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) sink.write(`${name} | ${line}\n`);
  };
}

function run(suite: (typeof SUITES)[number]): Promise<{ code: number; seconds: number }> {
  const started = Date.now();
  const child = spawn(suite.command, suite.args, { cwd: REPO_ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", prefixed(suite.name, process.stdout));
  child.stderr.on("data", prefixed(suite.name, process.stderr));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), seconds: (Date.now() - started) / 1000 }));
  });
}

async function main(): Promise<number> {
  const results = await Promise.all(SUITES.map(run));
  SUITES.forEach((suite, i) => console.log(`${suite.name}: ${results[i].code === 0 ? "passed" : `failed (exit ${results[i].code})`} in ${results[i].seconds.toFixed(0)} s`));
  return Math.max(...results.map((result) => result.code));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
