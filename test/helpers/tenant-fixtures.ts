import { certificateFacts } from "../../provider/tenant-certificate/facts";
import { generateTenantCertificate } from "../../provider/tenant-certificate/generate";
import type { OrganizationInputs } from "../../provider/organization/types";

export interface TestPfx {
  pfxBase64: string;
  password: string;
  thumbprint: string;
}

/** A fresh 2048-bit PFX (3DES), as TenantCertificate makes it. */
export async function makePfx(commonName = "tenant.onmicrosoft.com VB365", password = "Pfx-Passw0rd-for-tests!"): Promise<TestPfx> {
  const { pfx, certificate } = await generateTenantCertificate({
    subject: { commonName },
    keySize: 2048,
    validityDays: 365,
    password,
    pfxEncryption: "3des",
    at: new Date(),
  });
  return { pfxBase64: pfx.toString("base64"), password, thumbprint: certificateFacts(certificate).thumbprint };
}

/** The existing Entra application of the kind C fixtures (existingApplicationInputs). */
export const APPLICATION_ID = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";

function appOnly(pfx: TestPfx, extra: Record<string, unknown> = {}) {
  return { applicationCertificate: pfx.pfxBase64, applicationCertificatePassword: pfx.password, ...extra };
}

/** The tenant a new-application fixture declares (newApplicationInputs): sign its device code in to this one. */
export const NEW_APPLICATION_TENANT = "fabrikam.onmicrosoft.com";

/**
 * Kind A of vb365-api.md §4.3: VB365 registers a new Entra application (device code), in the
 * tenant `organizationName` declares, NEW_APPLICATION_TENANT unless overridden.
 */
export function newApplicationInputs(pfx: TestPfx, userCode: string, overrides: Partial<OrganizationInputs> = {}): OrganizationInputs {
  return {
    organizationName: NEW_APPLICATION_TENANT,
    region: "Worldwide",
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    userCode,
    newApplicationName: "VB365 backup app",
    exchangeOnlineSettings: appOnly(pfx),
    sharePointOnlineSettings: appOnly(pfx, { sharePointSaveAllWebParts: true }),
    ...overrides,
  };
}

/** Kind C: an existing, already configured Entra application (no device code). */
export function existingApplicationInputs(pfx: TestPfx, tenant: string, overrides: Partial<OrganizationInputs> = {}): OrganizationInputs {
  return {
    region: "Worldwide",
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: false,
    exchangeOnlineSettings: appOnly(pfx, { applicationId: APPLICATION_ID, account: `backup@${tenant}` }),
    sharePointOnlineSettings: appOnly(pfx, { applicationId: APPLICATION_ID, officeOrganizationName: tenant }),
    ...overrides,
  };
}

/** The inputs with the services' own certificates taken out: what Vb365Tenant declares, or a kept organization. */
export function withoutServiceCertificates(inputs: OrganizationInputs): OrganizationInputs {
  const strip = ({ applicationCertificate: _pfx, applicationCertificatePassword: _password, ...settings }: NonNullable<OrganizationInputs["exchangeOnlineSettings"]>) => settings;
  return {
    ...inputs,
    ...(inputs.exchangeOnlineSettings ? { exchangeOnlineSettings: strip(inputs.exchangeOnlineSettings) } : {}),
    ...(inputs.sharePointOnlineSettings ? { sharePointOnlineSettings: strip(inputs.sharePointOnlineSettings) } : {}),
  };
}

/**
 * An existing-application tenant as Vb365Tenant declares it: one certificate for both services
 * (`applicationCertificate`) and, during a rotation, the next one beside it.
 */
export function sharedCertificateInputs(inputs: OrganizationInputs, current: TestPfx, next?: TestPfx, extra: Partial<OrganizationInputs> = {}): OrganizationInputs {
  return {
    ...withoutServiceCertificates(inputs),
    applicationCertificate: current.pfxBase64,
    applicationCertificatePassword: current.password,
    ...(next ? { nextApplicationCertificate: next.pfxBase64, nextApplicationCertificatePassword: next.password } : {}),
    ...extra,
  };
}

/** Kind D: modern authentication with legacy protocols allowed (refused for new organizations on v8). */
export function legacyProtocolInputs(tenant: string, overrides: Partial<OrganizationInputs> = {}): OrganizationInputs {
  const settings = {
    useApplicationOnlyAuth: false,
    useMfa: true,
    account: `backup@${tenant}`,
    password: "App-Passw0rd-legacy",
    applicationId: APPLICATION_ID,
    applicationSecret: "app-secret-value-legacy",
    grantAdminAccess: true,
  };
  return { region: "Worldwide", isExchangeOnline: true, isSharePointOnline: true, exchangeOnlineSettings: settings, sharePointOnlineSettings: settings, ...overrides };
}

/** Kind E: basic authentication (China only on v8). */
export function basicInputs(tenant: string, overrides: Partial<OrganizationInputs> = {}): OrganizationInputs {
  const settings = { useApplicationOnlyAuth: false, useMfa: false, account: `admin@${tenant}`, password: "Basic-Passw0rd-value", grantAdminAccess: true };
  return { region: "China", isExchangeOnline: true, isSharePointOnline: true, exchangeOnlineSettings: settings, sharePointOnlineSettings: settings, ...overrides };
}
