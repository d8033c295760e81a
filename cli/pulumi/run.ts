import { spawn, type StdioOptions } from "node:child_process";
import { constants } from "node:os";
import * as path from "node:path";

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Written to the child's stdin, which is then closed: how secrets reach `pulumi config set`. */
  input?: string;
  /**
   * "capture" keeps stdout and stderr for the caller; "inherit" shares the terminal; "stderr"
   * shares it but sends the child's stdout to our stderr, keeping our stdout for --json.
   */
  output: "capture" | "inherit" | "stderr";
}

export interface RunResult {
  /** Exit code; 128 + signal number when the child was killed by a signal. */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `pulumi` without a shell, so no argument is ever interpreted. The CLI's own directory
 * goes first on PATH: the engine finds its language host and plugins next to it.
 */
export function runPulumi(pulumi: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const env = { ...options.env, PATH: [path.dirname(pulumi), options.env.PATH].filter(Boolean).join(path.delimiter) };
  const stdin = options.input !== undefined ? "pipe" : options.output === "capture" ? "ignore" : "inherit";
  const stdio: StdioOptions =
    options.output === "capture" ? [stdin, "pipe", "pipe"] : options.output === "inherit" ? [stdin, "inherit", "inherit"] : [stdin, 2, "inherit"];
  return new Promise((resolve, reject) => {
    const child = spawn(pulumi, [...args], { cwd: options.cwd, env, stdio });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? 128 + signalNumber(signal), stdout, stderr }));
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal ? ((constants.signals as Record<string, number>)[signal] ?? 1) : 1;
}
