import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..");
const entry = path.join(repoRoot, "cli", "vb365.ts");
const tsNode = require.resolve("ts-node/register/transpile-only");

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The whole environment of the command, on top of PATH and HOME: nothing leaks in from the test runner's. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/**
 * A running `vb365` process, started from the TypeScript source through ts-node: always the
 * current code, without depending on a build that may be stale.
 */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = "";
  stderr = "";
  readonly done: Promise<CliResult>;
  private readonly listeners = new Set<() => void>();

  constructor(args: readonly string[], options: CliOptions = {}) {
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
    for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
    this.child = spawn(process.execPath, ["-r", tsNode, entry, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      this.stdout += chunk;
      this.listeners.forEach((listener) => listener());
    });
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
      this.listeners.forEach((listener) => listener());
    });
    this.done = new Promise((resolve, reject) => {
      this.child.on("error", reject);
      this.child.on("close", (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr }));
    });
  }

  /** Resolves once stderr matches `pattern`; rejects if the process ends first or after `timeoutMs`. */
  waitForStderr(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.stderr.match(pattern);
        if (match) {
          cleanup();
          resolve(match);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stderr did not match ${pattern} within ${timeoutMs} ms:\n${this.stderr}`));
      }, timeoutMs);
      const onClose = () => {
        cleanup();
        reject(new Error(`vb365 exited before stderr matched ${pattern}:\n${this.stderr}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
        this.child.off("close", onClose);
      };
      this.listeners.add(check);
      this.child.once("close", onClose);
      check();
    });
  }
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new CliProcess(args, options).done;
}

/** The one JSON object `--json` prints; fails the test if stdout holds anything else. */
export function parseJsonOutput(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split("\n");
  if (lines.length !== 1) throw new Error(`expected one line of JSON on stdout, got ${lines.length}:\n${stdout}`);
  return JSON.parse(lines[0]);
}
