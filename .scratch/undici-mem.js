const { startEmulator } = require("../dist/emulator");
(async () => {
  const emu = await startEmulator();
  const st = () => { const s = require("fs").readFileSync("/proc/self/status", "utf8"); return "rss=" + (process.memoryUsage().rss >> 20) + " anon=" + (Number(/RssAnon:\s+(\d+)/.exec(s)[1]) >> 10) + " heap=" + (process.memoryUsage().heapUsed >> 20); };
  console.log("start", st());
  const undici = require("undici");
  console.log("undici loaded", st());
  const agent = new undici.Agent({ connect: { ca: emu.caPem } });
  const r = await undici.request(emu.url + "/v8/Organizations", { dispatcher: agent });
  await r.body.text();
  console.log("one https request", st(), r.statusCode);
  await Promise.all(Array.from({ length: 20 }, async () => { const r = await undici.request(emu.url + "/v8/Organizations", { dispatcher: agent }); await r.body.text(); }));
  console.log("20 concurrent", st());
  await agent.close(); await emu.close();
})();
