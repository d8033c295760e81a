import * as fs from "node:fs";
import * as path from "node:path";
import { createTenantCertificate } from "../../provider/tenant-certificate/lifecycle";

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
