// What writing and reading a PFX costs when node-forge's public API and Node's OpenSSL do all of
// it, with the size and iteration counts bounded first (provider/common/pfx-bounds.ts): the
// median time per PFX to write one (buildPfx), to check its bounds alone (checkPfx), to read it
// with node-forge as TenantCertificate does (readPfx: bounds and forge) and with OpenSSL as an
// organization does (bounds and openPfxNatively), interleaved. The PFX files: the provider's own
// of a 2048-bit key (3DES, the default, and AES-256), and what OpenSSL 3 exports by default
// (AES-256 with PBKDF2-SHA256 for the key and for the certificates, which are encrypted too).
//
//   npx ts-node --transpile-only bench/pfx-read-write.ts [files]     (default 30)
import { checkPfx } from "../provider/common/pfx-bounds";
import { openPfxNatively } from "../provider/common/pfx-native";
import { buildCertificate } from "../provider/tenant-certificate/certificate";
import { generateRsaKeyPair } from "../provider/tenant-certificate/keypair";
import { readPfx } from "../provider/tenant-certificate/pfx";
import { buildPfx } from "../provider/tenant-certificate/pkcs12";
import type { PfxEncryption } from "../provider/tenant-certificate/types";
import { opensslRecipePfx } from "../test/helpers/certificate";
import { median } from "./lib/stats";

const PASSWORD = "bench-password-not-a-secret";

function timed(work: () => unknown): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function expectRead(pfx: Buffer): void {
  const reading = readPfx(pfx, PASSWORD);
  if (reading.problem) throw new Error(reading.problem.reason);
}

function expectOpened(pfx: Buffer): void {
  const checked = checkPfx(pfx, PASSWORD, "bench");
  if (checked.problem) throw new Error(checked.problem.reason);
  if (!openPfxNatively(checked.pfx)) throw new Error("Node's OpenSSL refused the PFX");
}

function expectChecked(pfx: Buffer): void {
  const checked = checkPfx(pfx, PASSWORD, "bench");
  if (checked.problem) throw new Error(checked.problem.reason);
}

async function main(): Promise<void> {
  const files = Number(process.argv[2] ?? 30);
  const keyPair = await generateRsaKeyPair(2048);
  const certificate = buildCertificate({ subject: { commonName: "bench VB365" }, validityDays: 365, keyPair, at: new Date() });
  const ms = (values: number[]) => Math.round(median(values) * 10) / 10;
  for (const encryption of ["3des", "aes256"] as PfxEncryption[]) {
    const write = () => buildPfx({ privateKey: keyPair.privateKey, certificate, password: PASSWORD, encryption });
    const pfx = write();
    const figures = { write: [] as number[], check: [] as number[], readForge: [] as number[], openNative: [] as number[] };
    for (let i = 0; i < files; i++) {
      figures.write.push(timed(write));
      figures.check.push(timed(() => expectChecked(pfx)));
      figures.readForge.push(timed(() => expectRead(pfx)));
      figures.openNative.push(timed(() => expectOpened(pfx)));
    }
    const medianMs = { write: ms(figures.write), check: ms(figures.check), readForge: ms(figures.readForge), openNative: ms(figures.openNative) };
    process.stdout.write(`${JSON.stringify({ pfx: `provider ${encryption}`, files, medianMs })}\n`);
  }
  const exported = Buffer.from(opensslRecipePfx({ password: PASSWORD }).pfxBase64, "base64");
  const figures = { check: [] as number[], readForge: [] as number[], openNative: [] as number[] };
  for (let i = 0; i < files; i++) {
    figures.check.push(timed(() => expectChecked(exported)));
    figures.readForge.push(timed(() => expectRead(exported)));
    figures.openNative.push(timed(() => expectOpened(exported)));
  }
  const medianMs = { check: ms(figures.check), readForge: ms(figures.readForge), openNative: ms(figures.openNative) };
  process.stdout.write(`${JSON.stringify({ pfx: "OpenSSL 3 default export", files, medianMs })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
