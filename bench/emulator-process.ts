import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Shared by the emulator benchmarks: runs the built command (dist/, `npm run build`) in its own
// process, so the load generator does not compete with the server for the same event loop.

export const ROOT = join(__dirname, "..");
export const BIN = join(ROOT, "dist", "emulator", "bin.js");

export interface Ready {
  url: string;
  caFile?: string;
  fingerprint?: string;
}

export interface EmulatorProcess {
  child: ChildProcess;
  ready: Ready;
  caPem: string | undefined;
  /** Milliseconds from spawn to the ready line. */
  startupMs: number;
  stop(): Promise<void>;
}

export function requireBuild(): void {
  if (!existsSync(BIN)) {
    process.stderr.write(`${BIN} is missing: run \`npm run build\` first.\n`);
    process.exit(2);
  }
}

export function startEmulatorProcess(args: string[]): Promise<EmulatorProcess> {
  const begin = performance.now();
  const child = spawn(process.execPath, [BIN, "--quiet", ...args], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.on("exit", (code) => reject(new Error(`vb365-emulator exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf("\n");
      if (newline === -1) return;
      const startupMs = performance.now() - begin;
      const ready = JSON.parse(stdout.slice(0, newline)) as Ready;
      child.removeAllListeners("exit");
      resolve({
        child,
        ready,
        caPem: ready.caFile ? readFileSync(ready.caFile, "utf8") : undefined,
        startupMs,
        stop: () =>
          new Promise((done) => {
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
