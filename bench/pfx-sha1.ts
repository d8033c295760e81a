// What Node's SHA-1 behind forge (provider/tenant-certificate/native-sha1.ts) and the PKCS#12 key
// derivation of provider/tenant-certificate/pkcs12-kdf.ts save: the time to write and to read a
// PFX of a 2048-bit key with forge's own SHA-1, with Node's, and with Node's plus the derivation,
// interleaved.
//
//   npx ts-node --transpile-only bench/pfx-sha1.ts [files]     (default 20)
import * as forge from "node-forge";
import { buildCertificate } from "../provider/tenant-certificate/certificate";
import { generateRsaKeyPair } from "../provider/tenant-certificate/keypair";
import { withNativeSha1 } from "../provider/tenant-certificate/native-sha1";
import { withFastPkcs12 } from "../provider/tenant-certificate/pkcs12-kdf";
import type { PfxEncryption } from "../provider/tenant-certificate/types";
import { median } from "./lib/stats";

const PASSWORD = "bench-password-not-a-secret";

function timed(work: () => unknown): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const files = Number(process.argv[2] ?? 20);
  const keyPair = await generateRsaKeyPair(2048);
  const certificate = buildCertificate({ subject: { commonName: "bench VB365" }, validityDays: 365, keyPair, at: new Date() });
  for (const encryption of ["3des", "aes256"] as PfxEncryption[]) {
    // The options of provider/tenant-certificate/pkcs12.ts, which takes no switch for the hash.
    const options = { algorithm: encryption, generateLocalKeyId: true, count: 2048, ...(encryption === "aes256" ? { prfAlgorithm: "sha256" } : {}) };
    const write = () => Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keyPair.privateKey, [certificate], PASSWORD, options)).getBytes(), "binary");
    const read = (pfx: Buffer) => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(pfx.toString("binary")), false, PASSWORD);
    const pfx = write();
    const figures = { forgeWrite: [] as number[], nodeWrite: [] as number[], fastWrite: [] as number[], forgeRead: [] as number[], nodeRead: [] as number[], fastRead: [] as number[] };
    for (let i = 0; i < files; i++) {
      figures.forgeWrite.push(timed(write));
      figures.nodeWrite.push(timed(() => withNativeSha1(write)));
      figures.fastWrite.push(timed(() => withFastPkcs12(write)));
      figures.forgeRead.push(timed(() => read(pfx)));
      figures.nodeRead.push(timed(() => withNativeSha1(() => read(pfx))));
      figures.fastRead.push(timed(() => withFastPkcs12(() => read(pfx))));
    }
    const ms = (values: number[]) => Math.round(median(values) * 10) / 10;
    process.stdout.write(
      `${JSON.stringify({ encryption, files, medianMs: { writeForgeSha1: ms(figures.forgeWrite), writeNodeSha1: ms(figures.nodeWrite), writeFastKdf: ms(figures.fastWrite), readForgeSha1: ms(figures.forgeRead), readNodeSha1: ms(figures.nodeRead), readFastKdf: ms(figures.fastRead) } })}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
