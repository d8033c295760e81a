// Median time to make a 4096-bit tenant certificate and its PFX: TenantCertificate's provider
// `create` against the openssl recipe it replaces (req + pkcs12 + base64), in one run, on one
// machine, interleaved so that both see the same load. Goal (issue 4): ratio <= 1.2.
//
//   npx ts-node --transpile-only bench/certificate-vs-openssl.ts [runs]     (default 81 runs)
//
// RSA key generation dominates both sides and its time varies a lot from run to run (a random
// prime search), so compare medians of several runs, never single runs; the more runs, the
// steadier the ratio. A second table times everything except key generation (both sides reuse
// one key), which is the part this code controls and is steady from run to run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { buildCertificate } from "../provider/tenant-certificate/certificate";
import { type RsaKeyPair, generateRsaKeyPair } from "../provider/tenant-certificate/keypair";
import { buildPfx } from "../provider/tenant-certificate/pkcs12";
import { TenantCertificateProvider } from "../provider/tenant-certificate/provider";
import { generatedOutputs } from "../provider/tenant-certificate/results";
import { RECIPE_SUBJ, RECIPE_SUBJECT } from "../test/helpers/certificate";
import { median } from "./lib/stats";

const FRIENDLY_NAME = "Contoso VB365 Tenant";
const PASSWORD = "bench-password-not-a-secret";

export interface CertificateFigures {
  runs: number;
  providerMedianMs: number;
  opensslMedianMs: number;
  /** provider / openssl; goal <= 1.2. */
  ratio: number;
  withoutKeyGeneration: { providerMedianMs: number; opensslMedianMs: number };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 81);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`The number of runs must be a positive integer; got ${process.argv[2]}.`);
  await measureCertificates(runs);
}

/** Runs the comparison, prints it, and returns the figures (npm run bench records them). */
export async function measureCertificates(runs: number): Promise<CertificateFigures> {
  const workDir = mkdtempSync(join(tmpdir(), "vb365-bench-"));
  const provider = new TenantCertificateProvider();
  try {
    // One untimed round each: module loading, JIT and the page cache are not what we measure.
    await timeProvider(provider);
    timeOpenssl(workDir);

    const providerMs: number[] = [];
    const opensslMs: number[] = [];
    for (let run = 1; run <= runs; run++) {
      // Alternate who goes first, so neither side always follows the other's CPU burst.
      if (run % 2 === 1) {
        providerMs.push(await timeProvider(provider));
        opensslMs.push(timeOpenssl(workDir));
      } else {
        opensslMs.push(timeOpenssl(workDir));
        providerMs.push(await timeProvider(provider));
      }
      console.log(`run ${run}: TenantCertificate ${format(providerMs[run - 1])} ms, openssl ${format(opensslMs[run - 1])} ms`);
    }

    const providerMedian = median(providerMs);
    const opensslMedian = median(opensslMs);
    console.log("");
    console.log(`machine: ${availableParallelism()} CPU (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, ${opensslVersion()}`);
    console.log(`median of ${runs}, 4096-bit RSA, 3DES PFX:`);
    console.log(`  TenantCertificate provider create: ${format(providerMedian)} ms`);
    console.log(`  openssl req + pkcs12 + base64:     ${format(opensslMedian)} ms`);
    console.log(`  ratio: ${(providerMedian / opensslMedian).toFixed(2)} (goal <= 1.2)`);

    // The same pipeline around one existing key: certificate, signature, PFX, base64.
    const keyPair = await generateRsaKeyPair(4096);
    const keyFile = join(workDir, "existing.key");
    run("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096", "-out", keyFile]);
    const withoutKeygenProvider: number[] = [];
    const withoutKeygenOpenssl: number[] = [];
    for (let run = 0; run < runs; run++) {
      withoutKeygenProvider.push(timeProviderWithKey(keyPair));
      withoutKeygenOpenssl.push(timeOpensslWithKey(workDir, keyFile));
    }
    console.log(`median of ${runs}, everything but key generation (one 4096-bit key reused):`);
    console.log(`  TenantCertificate certificate + PFX: ${format(median(withoutKeygenProvider))} ms`);
    console.log(`  openssl req -key + pkcs12 + base64:  ${format(median(withoutKeygenOpenssl))} ms`);
    return {
      runs,
      providerMedianMs: providerMedian,
      opensslMedianMs: opensslMedian,
      ratio: providerMedian / opensslMedian,
      withoutKeyGeneration: { providerMedianMs: median(withoutKeygenProvider), opensslMedianMs: median(withoutKeygenOpenssl) },
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function timeProvider(provider: TenantCertificateProvider): Promise<number> {
  const started = performance.now();
  const result = await provider.create({
    subject: RECIPE_SUBJECT,
    keySize: 4096,
    validityDays: 3650,
    friendlyName: FRIENDLY_NAME,
    password: PASSWORD,
  });
  const elapsed = performance.now() - started;
  if (result.outs?.pfxBase64 === undefined) throw new Error("The provider made no PFX.");
  return elapsed;
}

function timeProviderWithKey(keyPair: RsaKeyPair): number {
  const started = performance.now();
  const certificate = buildCertificate({ subject: RECIPE_SUBJECT, validityDays: 3650, keyPair, at: new Date() });
  const pfx = buildPfx({ privateKey: keyPair.privateKey, certificate, password: PASSWORD, encryption: "3des", friendlyName: FRIENDLY_NAME });
  generatedOutputs({ subject: RECIPE_SUBJECT, validityDays: 3650, pfxEncryption: "3des", password: PASSWORD, pfx, certificate });
  return performance.now() - started;
}

function timeOpensslWithKey(workDir: string, key: string): number {
  const certificate = join(workDir, "existing.cer");
  const pfx = join(workDir, "existing.pfx");
  const started = performance.now();
  run("openssl", ["req", "-x509", "-key", key, "-out", certificate, "-days", "3650", "-subj", RECIPE_SUBJ]);
  run("openssl", ["pkcs12", "-export", "-out", pfx, "-inkey", key, "-in", certificate, "-passout", `pass:${PASSWORD}`, "-name", FRIENDLY_NAME]);
  run("base64", ["-w0", pfx]);
  return performance.now() - started;
}

/** The manual recipe for a VB365 application certificate, as an operator runs it today. */
function timeOpenssl(workDir: string): number {
  const key = join(workDir, "cert.key");
  const certificate = join(workDir, "cert.cer");
  const pfx = join(workDir, "cert.pfx");
  const started = performance.now();
  run("openssl", ["req", "-x509", "-newkey", "rsa:4096", "-nodes", "-keyout", key, "-out", certificate, "-days", "3650", "-subj", RECIPE_SUBJ]);
  run("openssl", ["pkcs12", "-export", "-out", pfx, "-inkey", key, "-in", certificate, "-passout", `pass:${PASSWORD}`, "-name", FRIENDLY_NAME]);
  const base64 = run("base64", ["-w0", pfx]);
  const elapsed = performance.now() - started;
  if (base64.length === 0) throw new Error("base64 printed nothing.");
  return elapsed;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args[0]} failed (exit ${result.status}): ${result.stderr}`);
  return result.stdout;
}

function opensslVersion(): string {
  return run("openssl", ["version"]).trim();
}

function format(ms: number): string {
  return ms.toFixed(0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
