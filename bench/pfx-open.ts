// What opening a PFX with Node's OpenSSL (provider/common/pfx-native.ts) saves over node-forge,
// the reader it falls back to: the time to open N PFX files and take their thumbprints each way,
// interleaved, the bounds of provider/common/pfx-bounds.ts checked first each time, as the
// product does. The PFX files are the provider's own (2048-bit keys, 3DES, the default).
//
//   npx ts-node --transpile-only bench/pfx-open.ts [files]     (default 100)
import { checkPfx } from "../provider/common/pfx-bounds";
import { openPfxNatively } from "../provider/common/pfx-native";
import { certificateFacts } from "../provider/tenant-certificate/facts";
import { generateTenantCertificate } from "../provider/tenant-certificate/generate";
import { readPfx } from "../provider/tenant-certificate/pfx";

const PASSWORD = "bench-password-not-a-secret";
// Distinct files, each opened files / DISTINCT times: neither reader keeps anything between opens.
const DISTINCT = 10;

function timed(work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const files = Number(process.argv[2] ?? 100);
  const pfxFiles: Buffer[] = [];
  for (let i = 0; i < DISTINCT; i++) {
    const { pfx } = await generateTenantCertificate({ subject: { commonName: `bench-${i}` }, keySize: 2048, validityDays: 365, password: PASSWORD, pfxEncryption: "3des", at: new Date() });
    pfxFiles.push(pfx);
  }
  let nativeMs = 0;
  let forgeMs = 0;
  for (let i = 0; i < files; i++) {
    const pfx = pfxFiles[i % DISTINCT]!;
    nativeMs += timed(() => {
      const checked = checkPfx(pfx, PASSWORD, "bench");
      if (checked.problem) throw new Error(checked.problem.reason);
      if (!openPfxNatively(checked.pfx)) throw new Error("Node's OpenSSL refused a PFX of the provider's own");
    });
    forgeMs += timed(() => {
      const reading = readPfx(pfx, PASSWORD);
      if (reading.problem) throw new Error(reading.problem.reason);
      certificateFacts(reading.contents.certificate);
    });
  }
  process.stdout.write(`${JSON.stringify({ files, nativeMs: Math.round(nativeMs), forgeMs: Math.round(forgeMs) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
