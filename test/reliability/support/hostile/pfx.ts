import { generateKeyPairSync } from "node:crypto";
import * as forge from "node-forge";
import { startEmulator, type Emulator } from "../../../../emulator";
import { OrganizationProvider } from "../../../../provider/organization/provider";
import type { OrganizationInputs } from "../../../../provider/organization/types";
import { buildCertificate } from "../../../../provider/tenant-certificate/certificate";
import { buildPfx } from "../../../../provider/tenant-certificate/pkcs12";
import { TenantCertificateProvider } from "../../../../provider/tenant-certificate/provider";
import type { PfxEncryption } from "../../../../provider/tenant-certificate/types";
import { EmulatorClient } from "../../../helpers/emulator";
import { existingApplicationBody } from "../../../helpers/emulator-fixtures";
import { AT_THE_LIMITS, costlyPfx } from "../../../helpers/costly-pfx";
import { deeplyNested, HOSTILE_COUNT, withContentsIterations, withKeyInsideEncryptedContents, withKeyIterations, withMacIterations } from "../../../helpers/hostile-pfx";
import { configuredProvider, emulatorConfig } from "../../../helpers/organization-provider";
import { existingApplicationInputs, sharedCertificateInputs, type TestPfx } from "../../../helpers/tenant-fixtures";
import type { HostileCase, HostileOutcome } from "./case";

// PFX files a customer hands over, made hostile by one INTEGER of their DER: unbounded, node-forge
// and OpenSSL derive 2^31-1 iterations before they can tell a wrong password, hours for one
// preview. Each must be refused at check, before any derivation and any request; the emulator
// must answer 400 as quickly. The worst PFX the bounds admit must be read whole as quickly.

const AREA = "PFX";
const PASSWORD = "Hostile-Pfx-Passw0rd!";
/** Non-ASCII: the check tries it and its UTF-8 for contents under PBKDF2. */
const LATIN_PASSWORD = "Hostile-Pässwort-für-Pfx!";
const TENANT = "contoso.onmicrosoft.com";

interface RealPfx {
  tripleDes: Buffer;
  aes: Buffer;
  /** The 3DES PFX under LATIN_PASSWORD, its certificate, its key and an empty SafeContents each encrypted under PBKDF2 with HMAC-SHA-512 at 2,048. */
  latinContents: Buffer;
  /** The worst PFX the bounds admit, read with PASSWORD (test/helpers/costly-pfx.ts): a second to make, derived for real. */
  atTheLimits: Buffer;
}

let made: RealPfx | undefined;

/** PFX files of one 2048-bit key (the provider's own, 3DES and AES-256, and costlier ones), made once, before any case is timed. */
function realPfx(): RealPfx {
  if (made) return made;
  const { privateKey: nativePrivateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKey = forge.pki.privateKeyFromPem(nativePrivateKey.export({ type: "pkcs8", format: "pem" }).toString());
  const keyPair = { nativePrivateKey, privateKey, publicKey: forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) };
  const certificate = buildCertificate({ subject: { commonName: `${TENANT} VB365` }, validityDays: 365, keyPair, at: new Date() });
  const pfx = (encryption: PfxEncryption, password = PASSWORD) => buildPfx({ privateKey, certificate, password, encryption });
  const sha512 = { algorithm: "aes256-sha512", count: 2048 } as const;
  made = {
    tripleDes: pfx("3des"),
    aes: pfx("aes256"),
    latinContents: costlyPfx(pfx("3des", LATIN_PASSWORD), LATIN_PASSWORD, { macCount: 2048, key: sha512, keyContents: sha512, certificateContents: sha512, emptyContents: [sha512] }),
    atTheLimits: costlyPfx(pfx("3des"), PASSWORD, AT_THE_LIMITS),
  };
  return made;
}

/** Labels of the secrets found in `text`: the PFX password, or a piece of the PFX itself. */
function leaksIn(text: string, pfxBase64: string, password = PASSWORD): string[] {
  const pieces: Record<string, string> = { "PFX password": password, "PFX text": pfxBase64.slice(100, 140) };
  return Object.entries(pieces).flatMap(([label, value]) => (value.length > 0 && text.includes(value) ? [label] : []));
}

/** TenantCertificate's check (a preview) of an imported PFX: refused when it fails on importPfxBase64 with `expected` in the reason. */
async function atTenantCertificateCheck(pfxBase64: string, expected: string): Promise<HostileOutcome> {
  const { failures, message } = await tenantCertificateCheck(pfxBase64);
  const refused = failures.some((failure) => failure.property === "importPfxBase64" && failure.reason.includes(expected));
  return { refused, message, leaked: leaksIn(message, pfxBase64), halfCreated: [] };
}

/** TenantCertificate's check of a PFX the bounds admit: contained when the check reads it whole and passes, the runner timing it. */
async function readWholeAtTenantCertificateCheck(pfxBase64: string): Promise<HostileOutcome> {
  const { failures, message } = await tenantCertificateCheck(pfxBase64);
  return { refused: failures.length === 0, message, leaked: leaksIn(message, pfxBase64), halfCreated: [] };
}

async function tenantCertificateCheck(pfxBase64: string): Promise<{ failures: { property: string; reason: string }[]; message: string }> {
  const result = await new TenantCertificateProvider().check({}, { importPfxBase64: pfxBase64, password: PASSWORD });
  const failures = result.failures ?? [];
  return { failures, message: failures.map((failure) => `${failure.property}: ${failure.reason}`).join("\n") || "check passed" };
}

/** An emulator in this process for the case, closed after it, whatever happened. */
async function withEmulator(attack: (emulator: Emulator) => Promise<HostileOutcome>): Promise<HostileOutcome> {
  const emulator = await startEmulator({ http: true });
  try {
    return await attack(emulator);
  } finally {
    await emulator.close();
  }
}

function organizationsOn(emulator: Emulator): string[] {
  return emulator.state().organizations.map((organization) => `organization ${organization.name}`);
}

/** Vb365Organization's check (a preview) with the PFX as `applicationCertificate`, against an emulator that must see no organization made. */
async function atOrganizationCheck(pfxBase64: string, expected: string, password = PASSWORD): Promise<HostileOutcome> {
  return withEmulator(async (emulator) => {
    const provider: OrganizationProvider = await configuredProvider(emulatorConfig(emulator, "v8"));
    const hostile: TestPfx = { pfxBase64, password, thumbprint: "" };
    const inputs: OrganizationInputs = sharedCertificateInputs(existingApplicationInputs(hostile, TENANT), hostile);
    const result = await provider.check({} as OrganizationInputs, inputs);
    const failures = result.failures ?? [];
    const message = failures.map((failure) => `${failure.property}: ${failure.reason}`).join("\n") || "check passed";
    const refused = failures.some((failure) => failure.property === "applicationCertificate" && failure.reason.includes(expected));
    return { refused, message, leaked: leaksIn(message, pfxBase64, password), halfCreated: organizationsOn(emulator) };
  });
}

const MAC_REFUSAL = "asks for 2,147,483,647 iterations of key derivation for its integrity check (MAC)";

/** Hostile inputs of the PFX area: iteration counts and sizes that would hold every preview of the stack. */
export function pfxCases(): HostileCase[] {
  const { tripleDes, aes, latinContents, atTheLimits } = realPfx();
  const base64 = (pfx: Buffer) => pfx.toString("base64");
  return [
    {
      id: "a MAC iteration count of 2^31-1 in importPfxBase64, at TenantCertificate's check",
      area: AREA,
      run: () => atTenantCertificateCheck(base64(withMacIterations(tripleDes, HOSTILE_COUNT)), MAC_REFUSAL),
    },
    {
      id: "a MAC iteration count of 2^31-1 in applicationCertificate, at Vb365Organization's check (OpenSSL reads it first)",
      area: AREA,
      run: () => atOrganizationCheck(base64(withMacIterations(tripleDes, HOSTILE_COUNT)), MAC_REFUSAL),
    },
    {
      id: "a PKCS#12 PBE count of 2^31-1 on the shrouded key of a 3DES PFX whose MAC is whole, at TenantCertificate's check",
      area: AREA,
      run: () => atTenantCertificateCheck(base64(withKeyIterations(tripleDes, PASSWORD, HOSTILE_COUNT)), "iterations of key derivation for its private key (PKCS#12 PBE)"),
    },
    {
      id: "a PBKDF2 count of 2^31-1 on the key of an AES-256 (PBES2) PFX whose MAC is whole, at TenantCertificate's check",
      area: AREA,
      run: () => atTenantCertificateCheck(base64(withKeyIterations(aes, PASSWORD, HOSTILE_COUNT)), "iterations of key derivation for its private key (PBKDF2)"),
    },
    {
      id: "a key asking for 2^31-1 PBKDF2 iterations inside encrypted contents, at Vb365Organization's check",
      area: AREA,
      run: () => atOrganizationCheck(base64(withKeyInsideEncryptedContents(aes, PASSWORD, 2048, HOSTILE_COUNT)), "iterations of key derivation for its private key (PBKDF2)"),
    },
    {
      id: "three encrypted parts under PBKDF2 with HMAC-SHA-512 at 98,000 each and a non-ASCII password (294,000 iterations as written, 4,410,000 counted for the first part), at Vb365Organization's check",
      area: AREA,
      run: () => atOrganizationCheck(base64(withContentsIterations(latinContents, LATIN_PASSWORD, 98_000)), "needs more than 500,000 iterations of key derivation to be read", LATIN_PASSWORD),
    },
    {
      id: "the worst PFX the bounds admit (500,000 iterations counted: its MAC, a 3DES key inside 3DES contents, the right password), read whole at TenantCertificate's check",
      area: AREA,
      run: () => readWholeAtTenantCertificateCheck(base64(atTheLimits)),
    },
    {
      id: "a 20 MB base64 text as importPfxBase64, at TenantCertificate's check",
      area: AREA,
      run: () => atTenantCertificateCheck("A".repeat(20_000_000), "is about 15,000,000 bytes long once decoded"),
    },
    {
      id: "DER nested 10,000 SEQUENCEs deep as importPfxBase64, at TenantCertificate's check",
      area: AREA,
      run: () => atTenantCertificateCheck(base64(deeplyNested(10_000)), "does not hold a PKCS#12 (PFX) file"),
    },
    {
      id: "a POST of an organization whose certificate asks for 2^31-1 MAC iterations, straight to the emulator",
      area: AREA,
      run: () =>
        withEmulator(async (emulator) => {
          const client = new EmulatorClient(emulator, "v8");
          await client.login();
          const hostile = base64(withMacIterations(tripleDes, HOSTILE_COUNT));
          const response = await client.post("/Organizations", existingApplicationBody({ base64: hostile, password: PASSWORD, thumbprint: "" }, TENANT));
          const message = `${response.status} ${response.text}`;
          return {
            refused: response.status === 400 && response.text.includes(MAC_REFUSAL),
            message,
            leaked: leaksIn(message, hostile),
            halfCreated: organizationsOn(emulator),
          };
        }),
    },
  ];
}
