import { createHash, X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";

export interface NativePfx {
  /** SHA-1 of the certificate DER, 40 uppercase hex digits, as Windows, Entra and Veeam show it. */
  thumbprint: string;
  notAfter: Date;
}

/**
 * Opens a PFX with Node's OpenSSL, about 2 ms where node-forge's pure-JS key derivation and 3DES
 * take 20-40 ms: what makes a 100-tenant preview (and the emulator) cheap. Answers only when the
 * password opens it (the MAC) and it holds an RSA key with its certificate; undefined otherwise,
 * and the caller falls back to node-forge, which also reads legacy RC2 PFX files and explains
 * what is wrong.
 */
export function openPfxNatively(pfx: Buffer, password: string): NativePfx | undefined {
  let der: Buffer | null | undefined;
  try {
    // createSecureContext checks the MAC (the password) and that the key matches the certificate.
    const context = createSecureContext({ pfx, passphrase: password });
    // Boundary: `context.context` is Node's native SecureContext; getCertificate() returns the DER
    // of the certificate loaded with the key. It is not in Node's typings, so it is probed.
    der = (context.context as { getCertificate?: () => Buffer | null }).getCertificate?.();
  } catch {
    return undefined;
  }
  if (!der) return undefined;
  const certificate = new X509Certificate(der);
  if (certificate.publicKey.asymmetricKeyType !== "rsa") return undefined;
  return { thumbprint: createHash("sha1").update(der).digest("hex").toUpperCase(), notAfter: new Date(certificate.validTo) };
}
