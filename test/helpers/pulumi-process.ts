import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { TestStack } from "./engine";
import { pulumiBinDir } from "./pulumi-cli";

export interface PulumiRun {
  /** Exit code, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface PulumiProcess {
  readonly child: ChildProcess;
  /** Resolves when the CLI has exited, whatever the exit code. */
  readonly done: Promise<PulumiRun>;
  /** Output so far. */
  output(): string;
  /** Sends `signal` to the CLI alone, as a CI runner or an operator would, remembering the processes it had started. */
  interrupt(signal: NodeJS.Signals): void;
  /**
   * Ends the processes the CLI had started when it was interrupted and that outlived it (a
   * SIGKILLed CLI leaves its language host and provider processes running): by id, and only
   * while the id still runs the same command. Returns how many there were.
   */
  endLeftovers(): number;
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the ppid is the second field after it.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      found.push({ pid: Number(entry), ppid, cmdline: fs.readFileSync(`/proc/${entry}/cmdline`, "utf8") });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

function descendantsOf(pid: number): ProcessInfo[] {
  const all = processes();
  const result: ProcessInfo[] = [];
  let parents = new Set([pid]);
  while (parents.size) {
    const children = all.filter((candidate) => parents.has(candidate.ppid));
    result.push(...children);
    parents = new Set(children.map((child) => child.pid));
  }
  return result;
}

function cmdlineOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Runs the real `pulumi` command on a TestStack's backend, with the same environment the
 * Automation API gives it, as a pipeline would run it: a separate process that a test can
 * signal mid-run.
 */
export function spawnPulumi(stack: TestStack, args: string[]): PulumiProcess {
  const binDir = pulumiBinDir();
  const child = spawn(path.join(binDir, "pulumi"), [...args, "--stack", stack.stack.name, "--non-interactive", "--color", "never"], {
    cwd: stack.stack.workspace.workDir,
    env: {
      ...process.env,
      ...stack.stack.workspace.envVars,
      PULUMI_HOME: stack.pulumiHome,
      PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let started: ProcessInfo[] = [];
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const done = new Promise<PulumiRun>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      // Plugins that outlive a killed CLI keep its pipes open, so "close" may never come.
      const settle = () => resolve({ code, signal, stdout, stderr });
      const timer = setTimeout(settle, 2_000);
      child.once("close", () => {
        clearTimeout(timer);
        settle();
      });
    });
  });
  return {
    child,
    done,
    output: () => stdout + stderr,
    interrupt: (signal) => {
      if (child.pid === undefined) throw new Error("the pulumi process has no pid");
      started = descendantsOf(child.pid);
      child.kill(signal);
    },
    endLeftovers: () => {
      const alive = started.filter((info) => cmdlineOf(info.pid) === info.cmdline);
      for (const info of alive) process.kill(info.pid, "SIGKILL");
      return alive.length;
    },
  };
}
