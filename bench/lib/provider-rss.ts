import * as fs from "node:fs";

/**
 * Watches /proc for the dynamic-provider processes (`node .../@pulumi/pulumi/cmd/dynamic-provider`)
 * that this benchmark started (its descendants: bench → pulumi CLI → provider), and keeps the
 * highest peak RSS (VmHWM) seen. Providers of anything else running on the machine are not
 * counted. The kernel keeps VmHWM itself, so polling every 100 ms loses nothing but a process
 * that lives less than 100 ms.
 */
export class ProviderRssWatcher {
  private peakKb = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 100);
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakKb / 1024;
  }

  private sample(): void {
    for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
        if (!command.includes("cmd/dynamic-provider") || !descendsFromThisProcess(Number(pid))) continue;
        const peak = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (peak) this.peakKb = Math.max(this.peakKb, Number(peak[1]));
      } catch {
        // The process ended between readdir and read: nothing to sample.
      }
    }
  }
}

function descendsFromThisProcess(pid: number): boolean {
  for (let current = pid, depth = 0; current > 1 && depth < 16; depth++) {
    if (current === process.pid) return true;
    const parent = /PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${current}/status`, "utf8"));
    if (!parent) return false;
    current = Number(parent[1]);
  }
  return false;
}
