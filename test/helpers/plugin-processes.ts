import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const PLUGIN_DIR = path.resolve(__dirname, "..", "..", "plugin");
/** Set in each test file's environment, which every process its Pulumi runs start inherits. */
const MARK_VARIABLE = "VB365_TEST_FILE_MARK";
/** How long the plugin's processes get to end after a file's last Pulumi run. */
const GRACE_MS = 10_000;

export interface RunningProcess {
  pid: number;
  command: string;
  /** Whether it carries `mark` in its environment; undefined where the environment cannot be read. */
  marked?: boolean;
}

/**
 * Whether `command` is one of the vb365 plugin's processes: the plugin's node (run by the
 * Node.js language host's run-plugin, or started directly), or a Node.js language host, which
 * runs plugins and outlived the CLI with them.
 */
export function isPluginProcess(command: string): boolean {
  const executable = path.basename(command.split(" ")[0] ?? "");
  if (executable === "pulumi-language-nodejs") return true;
  return (command.includes("run-plugin") && command.includes(` ${PLUGIN_DIR} `)) || command.includes(`${PLUGIN_DIR}/index.js`) || /provider\/plugin\/main\.(js|ts)\b/.test(command);
}

/** The live (not zombie) processes of the machine, with whether each carries `mark`. */
export function runningProcesses(mark: string): RunningProcess[] {
  const listing = execFileSync("ps", ["-A", "-ww", "-o", "pid=,stat=,args="], { encoding: "utf8" });
  return listing
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && !match[2]!.startsWith("Z"))
    .map((match) => ({ pid: Number(match[1]), command: match[3]!, marked: environmentHolds(Number(match[1]), `${MARK_VARIABLE}=${mark}`) }));
}

function environmentHolds(pid: number, entry: string): boolean | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(entry);
  } catch {
    return undefined;
  }
}

/**
 * Per test file (mocha runs root hooks once per file in parallel mode): marks the file's
 * environment, then, after its last test, fails on any process of the plugin that carries the
 * mark (or, where environments cannot be read, that was not running before the file) and is
 * still running after a grace period, and ends it, so that none piles up on the machine.
 */
export function pluginProcessHooks(): { beforeAll(): void; afterAll(): Promise<void> } {
  let mark = "";
  let before = new Set<number>();
  const leftBehind = () => runningProcesses(mark).filter((process) => isPluginProcess(process.command) && (process.marked ?? !before.has(process.pid)));
  return {
    beforeAll() {
      mark = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
      process.env[MARK_VARIABLE] = mark;
      before = new Set(runningProcesses(mark).map((running) => running.pid));
    },
    async afterAll() {
      const deadline = Date.now() + GRACE_MS;
      let left = leftBehind();
      while (left.length > 0 && Date.now() < deadline) {
        await sleep(250);
        left = leftBehind();
      }
      for (const { pid } of left) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Ended meanwhile.
        }
      }
      if (left.length > 0) throw new Error(`the plugin's processes outlived the CLI by ${GRACE_MS / 1000} s (now killed):\n${left.map(({ pid, command }) => `  ${pid} ${command}`).join("\n")}`);
    },
  };
}
