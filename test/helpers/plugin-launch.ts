import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { setTimeout as sleep } from "node:timers/promises";

const PLUGIN_DIR = path.resolve(__dirname, "..", "..", "plugin");

/**
 * A stand-in for the engine's gRPC server, whose address a plugin is started with: alive while
 * it listens (it serves no health service, which the plugin takes as alive, as Pulumi does), gone
 * once stopped.
 */
export async function fakeEngine(): Promise<{ address: string; stop(): void }> {
  const server = new grpc.Server();
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return { address: `127.0.0.1:${port}`, stop: () => server.forceShutdown() };
}

export interface LaunchedPlugin {
  /** The plugin's node process. */
  pid: number;
  /** Where it serves pulumirpc.ResourceProvider. */
  port: number;
  /** The process it was started by: this test's, or the stand-in parent's. */
  parent: ChildProcess;
  /** Where the stand-in language host writes that it was interrupted. */
  interruptedFile: string;
  /** Ends whatever still runs and removes the stand-in parent. */
  dispose(): void;
}

/**
 * The plugin as the engine runs it (plugin/index.js, the build in dist/), given `engineAddress`,
 * started by a stand-in parent: a shell that only waits, or one named like the Node.js language
 * host (`pulumi-language-nodejs <engine>`) that notes a SIGINT and exits, as the host does.
 */
export async function launchPlugin(engineAddress: string, parentKind: "shell" | "language host"): Promise<LaunchedPlugin> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-plugin-parent-"));
  const script = path.join(dir, parentKind === "language host" ? "pulumi-language-nodejs" : "parent");
  const interruptedFile = path.join(dir, "interrupted");
  const onInterrupt = parentKind === "language host" ? `trap 'echo SIGINT > "${interruptedFile}"; exit 0' INT\n` : "";
  fs.writeFileSync(script, `#!/usr/bin/env bash\n${onInterrupt}"${process.execPath}" "${path.join(PLUGIN_DIR, "index.js")}" "$1" &\necho "pid $!" >&2\nwait\n`, { mode: 0o755 });
  const parent = spawn(script, [engineAddress], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  parent.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  parent.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (!/^\d+\n/.test(stdout) || !/pid \d+/.test(stderr)) {
    if (Date.now() > deadline || parent.exitCode !== null) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`the plugin did not start: ${stderr}`);
    }
    await sleep(20);
  }
  const pid = Number(/pid (\d+)/.exec(stderr)![1]);
  const dispose = () => {
    for (const running of [pid, parent.pid]) if (running !== undefined && isRunning(running)) process.kill(running, "SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { pid, port: Number(stdout.split("\n")[0]), parent, interruptedFile, dispose };
}

/** Whether `pid` runs; a zombie (ended, not yet collected by its parent) does not. */
export function isRunning(pid: number): boolean {
  if (!fs.existsSync("/proc/self/stat")) {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  try {
    return !/\)\s+Z\s/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Whether `pid` ends within `ms`; ends it if not, so that a failed test leaves nothing behind. */
export async function endsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await sleep(20);
  }
  if (!isRunning(pid)) return true;
  process.kill(pid, "SIGKILL");
  return false;
}
