import * as fs from "node:fs";
/** Polls /proc and keeps the last cumulative CPU (utime+stime) per process, classified. */
export class CpuWatcher {
  private last = new Map<string, { kind: string; ticks: number }>();
  private timer = setInterval(() => this.sample(), 50);
  private sample() {
    for (const pid of fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const ticks = Number(fields[11]) + Number(fields[12]);
        const start = fields[19];
        let kind = "other:" + cmd.slice(0, 100);
        if (cmd.includes("dynamic-provider")) kind = "provider";
        else if (/pulumi-language-nodejs/.test(cmd)) kind = "langhost";
        else if (cmd.includes("@pulumi/pulumi/cmd/run") || cmd.includes("run-plugin") || /cmd\/run/.test(cmd)) kind = "program";
        else if (/\bpulumi\b/.test(cmd.split(" ")[0])) kind = "cli";
        else if (Number(pid) === process.pid) kind = "bench+emulator";
        else if (cmd.includes("node")) kind = "node:" + cmd.slice(0, 60);
        this.last.set(`${pid}:${start}`, { kind, ticks });
      } catch {}
    }
  }
  start() { this.sample(); const base = new Map(this.last); return () => { this.sample(); clearInterval(this.timer); const out: Record<string, number> = {}; for (const [k, v] of this.last) { const b = base.get(k)?.ticks ?? 0; out[v.kind] = (out[v.kind] ?? 0) + (v.ticks - b) * 10; } return Object.fromEntries(Object.entries(out).filter(([, v]) => v > 50)); }; }
}
