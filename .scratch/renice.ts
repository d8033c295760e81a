import * as fs from "node:fs";
import * as os from "node:os";
/** Experiment: lowers the priority of every thread but the main one in dynamic-provider processes. */
export function reniceProviderThreads(): () => void {
  const done = new Set<string>();
  const timer = setInterval(() => {
    for (const pid of fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("cmd/dynamic-provider")) continue;
        for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
          if (tid === pid || done.has(tid)) continue;

          os.setPriority(Number(tid), 10);
          done.add(tid);
        }
      } catch {}
    }
  }, 20);
  return () => { clearInterval(timer); console.log("  reniced", done.size); };
}
