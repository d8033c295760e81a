import { PassThrough } from "node:stream";
import type { CliIo } from "../../cli/io";

/** What a CLI command wrote, kept as text. */
export type CapturedIo = CliIo & { out: () => string; err: () => string };

/** The streams `main` runs a command with, captured; stdin stays empty and interrupts never come. */
export function capturedIo(env: NodeJS.ProcessEnv = {}, cwd: string = process.cwd()): CapturedIo {
  let out = "";
  let err = "";
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  return { stdout, stderr, stdin: new PassThrough(), env, cwd, onInterrupt: () => () => undefined, out: () => out, err: () => err };
}
