import * as fs from "node:fs";
export function traceRss(label: string): () => void {
  const t0 = Date.now();
  const seen = new Map<string, number>();
  const timer = setInterval(() => {
    for (const pid of fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
        if (!cmd.includes("cmd/dynamic-provider")) continue;
        const st = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const rss = Number(/VmRSS:\s+(\d+)/.exec(st)![1]) >> 10;
        const prev = seen.get(pid) ?? 0;
        if (Math.abs(rss - prev) >= 8) { console.log(`  ${label} pid ${pid} t=${Date.now() - t0}ms rss=${rss}MB anon=${Number(/RssAnon:\s+(\d+)/.exec(st)![1]) >> 10}`); seen.set(pid, rss); }
      } catch {}
    }
  }, 20);
  return () => clearInterval(timer);
}
