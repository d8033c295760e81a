import { generateKeyPairSync, X509Certificate } from "node:crypto";
import * as forge from "node-forge";
import { before } from "mocha";
import type { Emulator } from "../../emulator";
import { type EmulatorClient, useEmulator } from "./emulator";

// Request bodies of each authentication kind of vb365-api.md §4.3 (copied here so tests never
// read ../shared), and PFX files built with forge alone, independent of the emulator's code.

export interface PfxFixture {
  base64: string;
  password: string;
  /** SHA-1 of the certificate DER, uppercase hex, computed with Node's X509Certificate. */
  thumbprint: string;
}

export interface PfxOptions {
  password?: string;
  expired?: boolean;
  /** A key that does not belong to the certificate. */
  mismatchedKey?: boolean;
}

const cache = new Map<string, PfxFixture>();

function rsaKey(): forge.pki.rsa.PrivateKey {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return forge.pki.privateKeyFromPem(privateKey);
}

/** A 3DES PFX (the format Windows exports), cached per option set: RSA generation is slow. */
export function pfxFixture(options: PfxOptions = {}): PfxFixture {
  const password = options.password ?? "Pfx-Passw0rd!";
  const key = `${password}|${options.expired ?? false}|${options.mismatchedKey ?? false}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const privateKey = rsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  certificate.serialNumber = "0a1b2c";
  const now = Date.now();
  certificate.validity.notBefore = new Date(options.expired ? now - 400 * 86_400_000 : now - 60_000);
  certificate.validity.notAfter = new Date(options.expired ? now - 30 * 86_400_000 : now + 365 * 86_400_000);
  const name = [{ shortName: "CN", value: "vb365-emulator-test" }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(privateKey, forge.md.sha256.create());
  const keyInPfx = options.mismatchedKey ? rsaKey() : privateKey;
  const asn1 = forge.pkcs12.toPkcs12Asn1(keyInPfx, [certificate], password, { algorithm: "3des" });
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), "binary");
  const fixture = {
    base64: Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary").toString("base64"),
    password,
    thumbprint: new X509Certificate(der).fingerprint.replace(/:/g, ""),
  };
  cache.set(key, fixture);
  return fixture;
}

export const APPLICATION_ID = "feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f";

function certificate(pfx: PfxFixture) {
  return { applicationCertificate: pfx.base64, applicationCertificatePassword: pfx.password };
}

/** A: VB365 registers a new Entra application (needs a signed-in device code). ANON-PHP's body. */
export function newApplicationBody(userCode: string, pfx: PfxFixture): Record<string, unknown> {
  return {
    type: "Office365",
    region: "Worldwide",
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    userCode,
    newApplicationName: "My VB365 app",
    exchangeOnlineSettings: { useApplicationOnlyAuth: true, useMfa: true, ...certificate(pfx) },
    sharePointOnlineSettings: { useApplicationOnlyAuth: true, useMfa: true, ...certificate(pfx), sharePointSaveAllWebParts: true },
  };
}

/** B: an existing application that VB365 configures (configureApplication: true + device code). */
export function configuredApplicationBody(userCode: string, pfx: PfxFixture): Record<string, unknown> {
  return {
    type: "Office365",
    region: "Worldwide",
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    configureApplication: true,
    userCode,
    exchangeOnlineSettings: { useApplicationOnlyAuth: true, account: "backupuser@contoso.onmicrosoft.com", applicationId: APPLICATION_ID, ...certificate(pfx) },
    sharePointOnlineSettings: { useApplicationOnlyAuth: true, officeOrganizationName: "contoso.onmicrosoft.com", applicationId: APPLICATION_ID, ...certificate(pfx) },
  };
}

/** C: an existing, already configured application; no device code. The notes' example body. */
export function existingApplicationBody(pfx: PfxFixture, organization = "contoso.onmicrosoft.com"): Record<string, unknown> {
  return {
    type: "Office365",
    region: "Worldwide",
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    isTeamsChatsOnline: false,
    configureApplication: false,
    exchangeOnlineSettings: { useApplicationOnlyAuth: true, account: `backupuser@${organization}`, applicationId: APPLICATION_ID, ...certificate(pfx) },
    sharePointOnlineSettings: { useApplicationOnlyAuth: true, officeOrganizationName: organization, applicationId: APPLICATION_ID, ...certificate(pfx), sharePointSaveAllWebParts: false },
  };
}

/** D: modern authentication with legacy protocols allowed (account + app password + application). */
export function legacyBody(organization = "fabrikam.onmicrosoft.com", region = "Worldwide"): Record<string, unknown> {
  const settings = {
    useApplicationOnlyAuth: false,
    useMfa: true,
    account: `admin@${organization}`,
    password: "App-Passw0rd",
    applicationId: APPLICATION_ID,
    applicationSecret: "s3cr3t-value",
    grantAdminAccess: true,
  };
  return { type: "Office365", region, isExchangeOnline: true, isSharePointOnline: true, exchangeOnlineSettings: settings, sharePointOnlineSettings: settings };
}

/** E: basic authentication; the v4 hybrid doc's settings, `Password` capitalized as there. */
export function basicBody(organization = "northwind.onmicrosoft.com", region = "Worldwide"): Record<string, unknown> {
  const settings = { account: `administrator@${organization}`, Password: "XXXXXXX", grantAdminAccess: true, useMfa: false, useCustomVeeamAADApplication: true };
  return { type: "Office365", region, isExchangeOnline: true, isSharePointOnline: false, exchangeOnlineSettings: settings };
}

/**
 * The customer registers `pfx` on the existing application (APPLICATION_ID unless named), as Entra
 * needs before VB365 signs in with it: in `organizationName`'s registration, or, none given, on a
 * multi-tenant application for every organization that uses it.
 */
export function registerCertificate(emulator: Emulator, pfx: { thumbprint: string }, organizationName?: string, applicationId = APPLICATION_ID): void {
  emulator.addApplicationCertificate(applicationId, { thumbprint: pfx.thumbprint, ...(organizationName === undefined ? {} : { organizationName }) });
}

/** Asks for a device code over the API and signs it in as the customer would. */
export async function signedInUserCode(client: EmulatorClient, organizationName = "contoso.onmicrosoft.com", targetRegion = "Worldwide"): Promise<string> {
  const response = await client.post("/DeviceCode", { targetRegion });
  const userCode = response.body.userCode as string;
  client.emulator.approveDeviceCode(userCode, organizationName);
  return userCode;
}

/**
 * An emulator over HTTP, reset between tests, and a way to add an existing-application
 * organization through the REST API and get its id and seeded inventory: what the suites of an
 * organization's jobs and roles start from.
 */
export function useEmulatorWithOrganizations() {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  const organization = async (client: EmulatorClient, name = "contoso.onmicrosoft.com") => {
    registerCertificate(fixture.current, pfx, name);
    const id = (await client.post("/Organizations", existingApplicationBody(pfx, name))).body.id as string;
    return { id, inventory: fixture.current.inventory(id) };
  };
  return { fixture, organization };
}
