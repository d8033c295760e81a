import { createHash, X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import type { CheckedPfx } from "./pfx-bounds";

export interface NativePfx {
  /** SHA-1 of the certificate DER, 40 uppercase hex digits, as Windows, Entra and Veeam show it. */
  thumbprint: string;
  notAfter: Date;
}

/**
 * Opens a PFX with Node's OpenSSL, where node-forge's pure-JS key derivation and 3DES take four to
 * six times as long: what makes a 100-tenant preview (and the emulator) cheap. Measured with
 * bench/pfx-open.ts (100 opens of the provider's own 3DES PFX files of 2048-bit keys, each way,
 * interleaved, the bounds checked first; three runs, Node 20.20, node-forge 1.4.3, shared 2-core
 * machine, load 3-4): 0.32 s natively, 1.4-1.9 s through forge and its thumbprint.
 *
 * It takes only a PFX whose iteration counts were bounded first (pfx-bounds.ts): OpenSSL derives
 * whatever count a PFX states, before it can tell a wrong password. It answers only when the
 * password opens it (the MAC) and it holds an RSA key with its certificate; undefined otherwise,
 * and the caller falls back to node-forge, which also reads legacy RC2 PFX files and explains what
 * is wrong. If Node's SecureContext loses the undocumented getCertificate(), every PFX takes that
 * fallback: slower, never wrong; test/unit/certificate/pfx-native.test.ts fails then, so that the
 * probe can go.
 */
export function openPfxNatively({ der: pfx, password }: CheckedPfx): NativePfx | undefined {
  let der: unknown;
  try {
    // createSecureContext checks the MAC (the password) and that the key matches the certificate.
    const context = createSecureContext({ pfx, passphrase: password });
    // Boundary: `context.context` is Node's native SecureContext; getCertificate() returns the DER
    // of the certificate loaded with the key. It is not in Node's typings, so it is probed.
    der = (context.context as { getCertificate?: () => unknown }).getCertificate?.();
  } catch {
    return undefined;
  }
  if (!Buffer.isBuffer(der)) return undefined;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch {
    return undefined;
  }
  if (certificate.publicKey.asymmetricKeyType !== "rsa") return undefined;
  return { thumbprint: createHash("sha1").update(der).digest("hex").toUpperCase(), notAfter: new Date(certificate.validTo) };
}
