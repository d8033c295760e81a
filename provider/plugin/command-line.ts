import { execFileSync } from "node:child_process";
import * as fs from "node:fs";

/**
 * The command line of process `pid`, to tell which program it runs; undefined when it cannot be
 * read (gone, another user's, or Windows, which has neither /proc nor ps).
 */
export function commandLineOf(pid: number): string[] | undefined {
  return procCommandLine(pid) ?? (process.platform === "win32" ? undefined : psCommandLine(pid));
}

/** From /proc (Linux): the arguments exactly as the process was given them. */
export function procCommandLine(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((part) => part !== "");
  } catch {
    return undefined;
  }
}

/**
 * From `ps -o args=` (POSIX: macOS, the BSDs), where there is no /proc: the arguments joined by
 * spaces, so split on them; an argument with a space in it comes apart, which a program's name
 * at the end of its path and an address without spaces survive.
 */
export function psCommandLine(pid: number): string[] | undefined {
  try {
    const args = execFileSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 2_000 });
    const parts = args.trim().split(/\s+/).filter((part) => part !== "");
    return parts.length > 0 ? parts : undefined;
  } catch {
    return undefined;
  }
}
