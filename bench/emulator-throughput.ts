/**
 * GET /vN/Organizations per second against the emulator on loopback, measured with autocannon.
 *
 *   npm run build && npx ts-node --transpile-only bench/emulator-throughput.ts [seconds] [connections]
 *
 * The emulator runs as the built `vb365-emulator` command in its own process, holding 25
 * organizations; each run lists them (an array on v6, a page on v8) over HTTPS and over HTTP.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import autocannon from "autocannon";
import { requireBuild, startEmulatorProcess, type EmulatorProcess } from "./emulator-process";

const DURATION_SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.argv[3] ?? 10);
const ORGANIZATIONS = 25;

function call(emulator: EmulatorProcess, method: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const url = new URL(path, emulator.ready.url);
  const requester = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = requester(url, { method, headers, ca: emulator.caPem, agent: false }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function login(emulator: EmulatorProcess, version: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: "password", username: "admin", password: "vb365-emulator" }).toString();
  const response = await call(emulator, "POST", `/${version}/token`, form, { "content-type": "application/x-www-form-urlencoded" });
  return (JSON.parse(response.text) as { access_token: string }).access_token;
}

/** Basic-authentication organizations need no certificate; v7 still accepts them (vb365-api.md §4.3 E). */
async function seed(emulator: EmulatorProcess): Promise<void> {
  const token = await login(emulator, "v7");
  for (let index = 0; index < ORGANIZATIONS; index++) {
    const body = JSON.stringify({
      type: "Office365",
      region: "Worldwide",
      isExchangeOnline: true,
      exchangeOnlineSettings: { useApplicationOnlyAuth: false, useMfa: false, account: `admin@tenant${index}.onmicrosoft.com`, password: "x" },
    });
    const response = await call(emulator, "POST", "/v7/Organizations", body, { "content-type": "application/json", authorization: `Bearer ${token}` });
    if (response.status !== 200) throw new Error(`seeding failed: ${response.status} ${response.text}`);
  }
}

async function measure(emulator: EmulatorProcess, version: string) {
  const token = await login(emulator, version);
  const result = await autocannon({
    url: `${emulator.ready.url}/${version}/Organizations`,
    headers: { authorization: `Bearer ${token}` },
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    ...(emulator.caPem ? { tlsOptions: { ca: emulator.caPem } } : {}),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  requireBuild();
  process.stdout.write(`GET /vN/Organizations, ${ORGANIZATIONS} organizations, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run, Node ${process.version}\n\n`);
  process.stdout.write("transport  version  req/s    p50 ms  p99 ms  requests  non-2xx  errors\n");
  for (const transport of ["https", "http"] as const) {
    const emulator = await startEmulatorProcess(transport === "http" ? ["--http"] : []);
    try {
      await seed(emulator);
      for (const version of ["v6", "v8"]) {
        const r = await measure(emulator, version);
        const row = [transport.padEnd(9), version.padEnd(7), String(r.requestsPerSecond).padEnd(8), String(r.p50).padEnd(7), String(r.p99).padEnd(7), String(r.total).padEnd(9), String(r.non2xx).padEnd(8), String(r.errors)];
        process.stdout.write(`${row.join("  ")}\n`);
      }
    } finally {
      await emulator.stop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
