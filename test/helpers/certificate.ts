import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TenantCertificateProvider } from "../../provider/tenant-certificate/provider";
import type { TenantCertificateInputs, TenantCertificateOutputs } from "../../provider/tenant-certificate/types";

export const provider = new TenantCertificateProvider();

/** The subject of the established openssl recipe (certificates.md), as fields and as `-subj`. */
export const RECIPE_SUBJECT = {
  commonName: "veeam.contoso.local",
  organization: "Veeam Software",
  organizationalUnit: "VCSP",
  locality: "Lexington",
  state: "Kentucky",
  country: "US",
};
export const RECIPE_SUBJ = "/C=US/ST=Kentucky/L=Lexington/O=Veeam Software/OU=VCSP/CN=veeam.contoso.local";

/**
 * Runs the openssl CLI and returns its stdout (with `withStderr`, stdout then stderr: some
 * commands, such as `pkcs12 -info`, print there). The password goes through the environment,
 * never the command line.
 */
export function openssl(args: string[], options: { password?: string; input?: Buffer; withStderr?: boolean } = {}): string {
  const result = spawnSync("openssl", args, {
    env: { ...process.env, ...(options.password === undefined ? {} : { PFX_PASSWORD: options.password }) },
    input: options.input,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`openssl ${args.join(" ")} failed (exit ${result.status}): ${result.stderr.toString()}`);
  }
  return result.stdout.toString() + (options.withStderr ? result.stderr.toString() : "");
}

/** `openssl pkcs12` reading a PFX given as base64, with the password, without -legacy. */
export function pkcs12(pfxBase64: string, password: string, args: string[]): string {
  return openssl(["pkcs12", "-passin", "env:PFX_PASSWORD", ...args], {
    password,
    input: Buffer.from(pfxBase64, "base64"),
    withStderr: true,
  });
}

export function certificateFromPfx(pfxBase64: string, password: string): string {
  return pkcs12(pfxBase64, password, ["-nokeys", "-clcerts"]);
}

/** `openssl x509` on a PEM certificate. */
export function x509(pem: string, args: string[]): string {
  return openssl(["x509", "-noout", ...args], { input: Buffer.from(pem) });
}

/** SHA-1 fingerprint as openssl prints it, reduced to the thumbprint format. */
export function opensslThumbprint(pem: string): string {
  const line = x509(pem, ["-fingerprint", "-sha1"]).trim();
  return line.replace(/^.*Fingerprint=/, "").replace(/:/g, "");
}

/** Creates a certificate through the provider, as the engine would: check, then create. */
export async function createCertificate(
  inputs: Partial<TenantCertificateInputs> & Record<string, unknown>,
): Promise<TenantCertificateOutputs> {
  const checked = await provider.check({} as TenantCertificateInputs, inputs as TenantCertificateInputs);
  if (checked.failures?.length) {
    throw new Error(`check failed: ${checked.failures.map((failure) => `${failure.property}: ${failure.reason}`).join("; ")}`);
  }
  const created = await provider.create(checked.inputs as TenantCertificateInputs);
  if (created.outs === undefined) throw new Error("create returned no outputs");
  return created.outs;
}

/** check only, returning its failures as `property: reason` lines (empty when it passes). */
export async function checkFailures(inputs: Record<string, unknown>): Promise<string[]> {
  const checked = await provider.check({} as TenantCertificateInputs, inputs as TenantCertificateInputs);
  return (checked.failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`);
}

/** A scratch directory for openssl files, removed afterwards. */
export function withTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "vb365-cert-test-"));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface OpensslPfx {
  pfxBase64: string;
  certificatePem: string;
}

/**
 * The manual recipe TenantCertificate replaces: openssl req -x509, then
 * openssl pkcs12 -export (OpenSSL 3 defaults: AES-256, SHA-256 MAC), then base64.
 */
export function opensslRecipePfx(options: {
  password: string;
  newKey?: string;
  extraNewKeyOptions?: string[];
  days?: number;
  name?: string;
  exportOptions?: string[];
}): OpensslPfx {
  return withTempDir((dir) => {
    const key = join(dir, "cert.key");
    const certificate = join(dir, "cert.cer");
    const pfx = join(dir, "cert.pfx");
    openssl([
      "req", "-x509", "-newkey", options.newKey ?? "rsa:2048", ...(options.extraNewKeyOptions ?? []), "-nodes",
      "-keyout", key, "-out", certificate, "-days", String(options.days ?? 3650),
      "-subj", RECIPE_SUBJ,
    ]);
    openssl(
      [
        "pkcs12", "-export", "-out", pfx, "-inkey", key, "-in", certificate, "-passout", "env:PFX_PASSWORD",
        "-name", options.name ?? "Contoso VB365 Tenant", ...(options.exportOptions ?? []),
      ],
      { password: options.password },
    );
    // `base64 -w0` is what the recipe runs; Node's encoder gives the same text.
    return { pfxBase64: readFileSync(pfx).toString("base64"), certificatePem: readFileSync(certificate, "utf8") };
  });
}
