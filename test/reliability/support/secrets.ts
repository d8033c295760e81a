import * as forge from "node-forge";
import { readPfx } from "../../../provider/tenant-certificate/pfx";

/** One secret value found in plain text somewhere it must not be. */
export interface SecretFinding {
  /** The engine run (or check) after which it was found. */
  run: string;
  /** "state file <path>", "serialized provider", "CLI output", "provider log". */
  location: string;
  /** What the secret is, never the value. */
  secret: string;
}

/**
 * Windows of `text` long enough to be unique, spread over the part from `from` (a fraction of
 * the length) to the end, none of them found in `publicText`: a private key's PEM starts with
 * the modulus, which the certificate publishes too, and a PFX may carry its certificate in clear.
 */
function windows(text: string, publicText: string, from = 0, size = 40, count = 3): string[] {
  const start = Math.floor(text.length * from);
  const step = Math.floor((text.length - start - size) / count);
  return Array.from({ length: count }, (_, i) => text.slice(start + step * i + Math.floor(step / 2), start + step * i + Math.floor(step / 2) + size)).filter(
    (window) => !publicText.includes(window),
  );
}

function pemBody(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
}

/**
 * Every secret value the suite used, by label, and where each was looked for. Labels say what
 * leaked ("PFX of tenant3"), so a finding is actionable without printing the secret again.
 */
export class SecretScanner {
  private readonly secrets = new Map<string, string>();
  readonly findings: SecretFinding[] = [];
  /** Places scanned, each counted once per run. */
  scans = 0;

  add(label: string, value: string | undefined): void {
    // Very short values would match ordinary words and prove nothing.
    if (value && value.length >= 6) this.secrets.set(label, value);
  }

  /** A PFX and everything inside it: windows of its base64, its password, its private key in PEM. */
  addPfx(tenant: string, pfxBase64: string, password: string): void {
    const reading = readPfx(Buffer.from(pfxBase64, "base64"), password);
    if (!reading.contents) throw new Error(`the PFX of ${tenant} in state does not open: ${reading.problem.reason}`);
    const certificate = pemBody(forge.pki.certificateToPem(reading.contents.certificate));
    windows(pfxBase64, certificate).forEach((window, i) => this.add(`PFX of ${tenant} (part ${i + 1})`, window));
    this.add(`PFX password of ${tenant}`, password);
    const key = reading.contents.privateKey;
    const pkcs1 = pemBody(forge.pki.privateKeyToPem(key));
    const pkcs8 = pemBody(forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))));
    // The private exponent and primes follow the modulus and public exponent: the second half.
    windows(pkcs1, certificate, 0.5).forEach((window, i) => this.add(`private key of ${tenant} (PKCS#1 part ${i + 1})`, window));
    windows(pkcs8, certificate, 0.5).forEach((window, i) => this.add(`private key of ${tenant} (PKCS#8 part ${i + 1})`, window));
  }

  get size(): number {
    return this.secrets.size;
  }

  /** Looks for every secret in `text`; records and returns what was found. */
  scan(run: string, location: string, text: string): SecretFinding[] {
    this.scans++;
    const found: SecretFinding[] = [];
    for (const [label, value] of this.secrets) {
      if (text.includes(value)) found.push({ run, location, secret: label });
    }
    // Any PEM private key at all, whoever's it is.
    if (/-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----/.test(text)) found.push({ run, location, secret: "a PEM private key" });
    this.findings.push(...found);
    return found;
  }
}
