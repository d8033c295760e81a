// How long the costliest PFX files take to read, the bounds of provider/common/pfx-bounds.ts
// checked first as the product does: through readPfx (the check's walk, then node-forge's
// reading) and through the emulator's openPfx (the walk, then Node's OpenSSL). Median of N reads,
// wall and CPU time, each PFX built once with real derivations (test/helpers/costly-pfx.ts).
//
//   limits   the worst PFX the bounds admit (AT_THE_LIMITS: 500,000 iterations counted), read whole
//   sha512   three encrypted parts under PBKDF2 with HMAC-SHA-512 at 100,000, 100,000 and 99,998
//            and a non-ASCII password: 300,000 iterations as written, nine derivations of about
//            100,000 once the check's two passwords and the reading are counted; refused
//
//   npx ts-node --transpile-only bench/pfx-worst-read.ts [limits|sha512] [reads]     (default limits 5)
import { openPfx } from "../emulator/certificate";
import { generateTenantCertificate } from "../provider/tenant-certificate/generate";
import { readPfx } from "../provider/tenant-certificate/pfx";
import { AT_THE_LIMITS, type CostlyLayout, costlyPfx } from "../test/helpers/costly-pfx";

const SHA512_PARTS: CostlyLayout = {
  macCount: 1,
  key: { algorithm: "aes256-sha512", count: 1 },
  keyContents: { algorithm: "aes256-sha512", count: 100_000 },
  certificateContents: { algorithm: "aes256-sha512", count: 100_000 },
  emptyContents: [{ algorithm: "aes256-sha512", count: 99_998 }],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function outcome(read: () => void): string {
  try {
    read();
    return "read";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function main(): Promise<void> {
  const which = process.argv[2] === "sha512" ? "sha512" : "limits";
  const reads = Number(process.argv[3] ?? 5);
  const password = which === "sha512" ? "Pässwort-für-Tests" : "bench-password-not-a-secret";
  const { pfx } = await generateTenantCertificate({ subject: { commonName: "bench-worst" }, keySize: 2048, validityDays: 30, password, pfxEncryption: "3des", at: new Date() });
  const costly = costlyPfx(pfx, password, which === "sha512" ? SHA512_PARTS : AT_THE_LIMITS);
  const paths: Record<string, () => string> = {
    readPfx: () => readPfx(costly, password).problem?.reason ?? "read",
    emulatorOpenPfx: () => outcome(() => openPfx(costly.toString("base64"), password, "applicationCertificate", Date.now())),
  };
  for (const [name, read] of Object.entries(paths)) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let result = "";
    for (let run = 0; run < reads; run++) {
      const started = performance.now();
      const usage = process.cpuUsage();
      result = read();
      const used = process.cpuUsage(usage);
      wall.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
    const rounded = wall.map((ms) => Math.round(ms));
    process.stdout.write(`${JSON.stringify({ pfx: which, path: name, medianWallMs: Math.round(median(wall)), medianCpuMs: Math.round(median(cpu)), wallMs: rounded, result })}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
