import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import { readApplicationCertificate } from "../../provider/organization/certificate";
import { createTenantCertificate } from "../../provider/tenant-certificate/lifecycle";

/** The multi-tenant application of the bench's tenants (bench/consumer/tenants.ts names the same). */
export const BENCH_APPLICATION_ID = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";

export interface PfxEntry {
  pfxBase64: string;
  password: string;
}

/**
 * PFXs for tenants `0 .. count - 1` of the tenants program, made by the provider's own create
 * path (its subject, defaults and a generated password), so that the bytes imported are the
 * bytes it would have generated. Made before any timed run: key generation is a random prime
 * search whose minutes vary from run to run, and it is not what the ratio is about.
 */
export async function makePfxs(count: number): Promise<PfxEntry[]> {
  const at = new Date();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { outs } = await createTenantCertificate({ subject: { commonName: `tenant${i}.onmicrosoft.com VB365` } }, at);
      return { pfxBase64: outs.pfxBase64, password: outs.password };
    }),
  );
}

/** Writes `entries` where both programs read them (their `pfxFile` config); returns the path. */
export function writePfxFile(dir: string, name: string, entries: readonly PfxEntry[]): string {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(entries), { mode: 0o600 });
  return file;
}

/**
 * The provider's multi-tenant application trusts the certificates of `pfxFile`, registered once
 * each, for every tenant, as Entra needs before VB365 signs in with them (the emulator trusts like
 * Entra). Untimed: done before the runs that import them.
 */
export function registerPfxFile(emulator: Emulator, pfxFile: string): void {
  const entries = JSON.parse(fs.readFileSync(pfxFile, "utf8")) as PfxEntry[];
  const thumbprints = new Set(entries.map((entry) => readApplicationCertificate(entry.pfxBase64, entry.password).thumbprint));
  for (const thumbprint of thumbprints) {
    if (!thumbprint) throw new Error(`A PFX of ${pfxFile} does not open with its password.`);
    emulator.addApplicationCertificate(BENCH_APPLICATION_ID, { thumbprint });
  }
}
