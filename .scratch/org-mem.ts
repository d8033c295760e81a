import * as fs from "node:fs";
import { startEmulatorProcess } from "../bench/emulator-process";
import { OrganizationProvider } from "../provider/organization/provider";
import { generateTenantCertificate } from "../provider/tenant-certificate/generate";
import { stackConfig } from "../test/helpers/organization-provider";
const st = () => { const s = fs.readFileSync("/proc/self/status", "utf8"); return `rss=${process.memoryUsage().rss >> 20} anon=${Number(/RssAnon:\s+(\d+)/.exec(s)![1]) >> 10} hwm=${Number(/VmHWM:\s+(\d+)/.exec(s)![1]) >> 10} heap=${process.memoryUsage().heapUsed >> 20} total=${process.memoryUsage().heapTotal >> 20} ext=${process.memoryUsage().external >> 20} ab=${process.memoryUsage().arrayBuffers >> 20}`; };
(async () => {
  if (process.env.JITLESS) require("zod").config({ jitless: true });
  const emu = await startEmulatorProcess(process.env.HTTP ? ["--http"] : []);
  const cert = await generateTenantCertificate({ subject: { commonName: "x" }, keySize: 2048, validityDays: 365, password: "pw", pfxEncryption: "3des", at: new Date() });
  const pfx = cert.pfx.toString("base64");
  const provider = new OrganizationProvider();
  await provider.configure({ config: stackConfig({ "vb365:url": emu.ready.url, "vb365:username": "admin", "vb365:password": "vb365-emulator", ...(emu.caPem ? { "vb365:caCertificate": emu.caPem } : {}) }) } as never);
  console.log("start", st()); const regions = require("./smaps.js"); const before = regions();
  const n = Number(process.env.N ?? 100);
  const one = async (i: number) => {
    const tenant = `tenant${i}.onmicrosoft.com`;
    const inputs = { isExchangeOnline: true, isSharePointOnline: true, applicationCertificate: pfx, applicationCertificatePassword: "pw",
      exchangeOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", account: `backup@${tenant}` },
      sharePointOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", officeOrganizationName: tenant } };
    const checked = await provider.check({} as never, inputs as never);
    if (checked.failures) throw new Error(JSON.stringify(checked.failures));
    if (!process.env.CHECK_ONLY) await provider.create(checked.inputs!);
  };
  await one(1000); console.log("after 1 create", st());
  await one(1001); console.log("after 2 creates", st());
  if (process.env.SEQ) { for (let i = 0; i < n; i++) { await one(i); if (i % 20 === 19) console.log("  after", i + 1, st()); } } else await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  console.log("after", n, "creates", st());
  const after = regions(); const diffs: [string, number][] = [];
  for (const [k, v] of after) diffs.push([k, v - (before.get(k) ?? 0)]);
  diffs.sort((a, b) => b[1] - a[1]); console.log(diffs.slice(0, 8).map(([k, v]) => `${v >> 10}MB ${k}`).join("\n"));
  await emu.stop();
  process.exit(0);
})();
