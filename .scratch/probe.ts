import * as fs from "node:fs";
import { DEFAULT_USER, startEmulator } from "../emulator";
import { TestStack } from "../test/helpers/engine";
import { consumerProject } from "../bench/lib/consumer-project";
import { generateTenantCertificate } from "../provider/tenant-certificate/generate";
import { timed } from "../bench/lib/stats";
import { CpuWatcher } from "./cpu";
import { traceRss } from "./rss-trace";
import { reniceProviderThreads } from "./renice";

async function main() {
  const project = consumerProject();
  const chainDir = project.programDir("noop") + "-chain";
  fs.mkdirSync(chainDir);
  for (const f of ["Pulumi.yaml", "tsconfig.json"]) fs.copyFileSync(project.programDir("noop") + "/" + f, chainDir + "/" + f);
  fs.copyFileSync(__dirname + "/noop-chain.ts", chainDir + "/index.ts");
  const N = Number(process.env.N ?? 100);
  const shared = await generateTenantCertificate({ subject: { commonName: "bench VB365" }, keySize: 2048, validityDays: 365, password: "bench-pfx-password", pfxEncryption: "3des", at: new Date() });
  const variants = (process.env.VARIANTS ?? "floor,ours,floor-skip,ours-skip").split(",");
  for (let run = 0; run < Number(process.env.RUNS ?? 1); run++)
  for (const variant of variants) {
    const skip = variant.endsWith("-skip");
    const env: Record<string, string> = skip ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {};
    if (process.env.HP) { env.NODE_OPTIONS = "--require /tmp/heapprof.js"; }
    if (process.env.MEM) { env.NODE_OPTIONS = "--require /tmp/mem.js"; env.MEM_LOG = "/tmp/mem-" + variant + ".log"; }
    if (process.env.PROF) { env.NODE_OPTIONS = "--require /tmp/prof.js"; env.PROF_DIR = "/tmp/prof-" + variant; }
    if (process.env.TRACE) env.VB365_TRACE_FILE = `/tmp/trace-${variant}.jsonl`;
    if (variant.startsWith("floor") || variant.startsWith("chain")) {
      const dir = project.programDir("noop");
      const payload = variant.includes("payload") ? { pfxChars: { value: String(shared.pfx.toString("base64").length) } } : {};
      const stack = await TestStack.create({ programDir: dir, config: { count: { value: String(N) }, ...payload }, env });
      const stopCpu = new CpuWatcher().start(); const stopRss = process.env.RSS ? traceRss(variant) : () => {}; const stopNice = variant.includes("nice") ? reniceProviderThreads() : () => {};
      const marks: Record<string, number> = {}; const t0 = Date.now(); let pre = 0, outs = 0;
      const up = await timed(() => stack.stack.up({ color: "never", onEvent: (e) => {
        const t = Date.now() - t0;
        if (e.resourcePreEvent) { pre++; if (pre === 2) marks.firstStep = t; if (pre === N + 1) marks.half = t; }
        if (e.resOutputsEvent) { outs++; if (outs === 2 * N) marks.lastOutputs = t; }
        if (e.summaryEvent) marks.summary = t;
        if (e.cancelEvent) marks.cancel = t;
      } }));
      console.log("  marks", JSON.stringify(marks));
      console.log("  cpu ms", JSON.stringify(stopCpu())); stopRss(); stopNice();
      console.log(variant, "up", Math.round(up.ms), "state bytes", stack.stateText().length);
      await stack.destroy(); await stack.dispose();
    } else {
      const emulator = await startEmulator();
      const stack = await TestStack.create({ programDir: project.programDir("tenants"), env, config: {
        "vb365:url": { value: emulator.url }, "vb365:username": { value: DEFAULT_USER.name },
        "vb365:password": { value: DEFAULT_USER.password, secret: true }, "vb365:caCertificate": { value: emulator.caPem! },
        count: { value: String(N) },
        ...(variant.includes("gen") ? {} : { importPfx: { value: shared.pfx.toString("base64"), secret: true }, importPassword: { value: "bench-pfx-password", secret: true } }) } });
      const stopCpu = new CpuWatcher().start(); const stopRss = process.env.RSS ? traceRss(variant) : () => {}; const stopNice = variant.includes("nice") ? reniceProviderThreads() : () => {};
      const marks: Record<string, number> = {}; const t0 = Date.now(); let pre = 0, outs = 0;
      const up = await timed(() => stack.stack.up({ color: "never", onEvent: (e) => {
        const t = Date.now() - t0;
        if (e.resourcePreEvent) { pre++; if (pre === 2) marks.firstStep = t; if (pre === N + 1) marks.half = t; }
        if (e.resOutputsEvent) { outs++; if (outs === 2 * N) marks.lastOutputs = t; }
        if (e.summaryEvent) marks.summary = t;
        if (e.cancelEvent) marks.cancel = t;
      } }));
      console.log("  marks", JSON.stringify(marks));
      console.log("  cpu ms", JSON.stringify(stopCpu())); stopRss(); stopNice();
      const text = stack.stateText();
      console.log(variant, "up", Math.round(up.ms), "state bytes", text.length);
      fs.writeFileSync(`/tmp/state-${variant}.json`, text);
      await stack.destroy(); await stack.dispose(); await emulator.close();
    }
  }
  project.remove();
}
main().catch((e) => { console.error(e); process.exit(1); });
