import * as fs from "node:fs";

/**
 * Watches /proc for dynamic-provider processes (the engine starts them as
 * `node .../@pulumi/pulumi/cmd/dynamic-provider/index.js`) and keeps the highest peak RSS
 * (VmHWM) seen. The kernel keeps VmHWM itself, so polling every 100 ms loses nothing but a
 * process that lives less than 100 ms.
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
        if (!command.includes("cmd/dynamic-provider")) continue;
        const peak = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (peak) this.peakKb = Math.max(this.peakKb, Number(peak[1]));
      } catch {
        // The process ended between readdir and read: nothing to sample.
      }
    }
  }
}
