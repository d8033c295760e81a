import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization, type TenantCertificateArgs, type Vb365OrganizationArgs } from "../../../../provider";
import { EntraRegistration } from "../../../helpers/entra-registration";

// The fleet of the reliability suite: one organization per tenant, with every authentication
// kind the secrets scan has to cover. The suite turns these knobs:
//   count         tenants (tenant0 … tenant<count-1>)
//   mix           "full": tenant0 by device code, tenant1 basic (China), tenant2 legacy protocols
//                 over the vb365:connections entry "legacy" (v7), the rest existing applications;
//                 "existing": existing applications only
//   certificates  "per-tenant": each tenant its own certificate; "shared": every app-only tenant
//                 uses one certificate of one multi-tenant application, as providers run it;
//                 "mixed": the odd-numbered existing-application tenants share it, the rest own one
//   split         the odd-numbered existing-application tenants go over the v7 connection
//   teams         isTeamsOnline of every organization (the input change of update cases)
//   adopt         tenants whose organization may be taken over (adoptExisting), the documented
//                 recovery for an organization without a certificate after an interrupted run
//   badInput      {tenant, certificate?, organization?} merged into one tenant's arguments, to
//                 prove that a bad value stops the preview
// Each existing application trusts its tenant's certificate as Entra would, registered by the
// test's Entra automation: the shared one once on the multi-tenant application, an own one in its
// tenant's registration.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const mix = config.get("mix") ?? "full";
const certificates = config.get("certificates") ?? "per-tenant";
const split = config.getBoolean("split") ?? false;
const teams = config.getBoolean("teams") ?? false;
const adopt = config.getObject<string[]>("adopt") ?? [];
const badInput = config.getObject<{ tenant: number; certificate?: Record<string, unknown>; organization?: Record<string, unknown> }>("badInput");

/** The multi-tenant application every existing-application tenant consented to. */
const APPLICATION_ID = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";

type Kind = "device code" | "basic" | "legacy" | "existing";

function kindOf(i: number): Kind {
  if (mix !== "full") return "existing";
  return (["device code", "basic", "legacy"] as const)[i] ?? "existing";
}

function sharesCertificate(i: number): boolean {
  if (certificates === "shared") return true;
  return certificates === "mixed" && kindOf(i) === "existing" && i % 2 === 1;
}

let shared: TenantCertificate | undefined;
const own = new Map<number, TenantCertificate>();
function certificateOf(i: number, tenant: string, bad: typeof badInput): TenantCertificate {
  if (sharesCertificate(i) && !bad?.certificate) {
    shared ??= new TenantCertificate("shared", { subject: { commonName: "multi-tenant backup application VB365" }, keySize: 2048 });
    return shared;
  }
  let certificate = own.get(i);
  if (!certificate) {
    const args: TenantCertificateArgs = { subject: { commonName: `${tenant} VB365` }, keySize: 2048, ...bad?.certificate };
    certificate = new TenantCertificate(`tenant${i}`, args);
    own.set(i, certificate);
  }
  return certificate;
}

const registrations = new Map<TenantCertificate, EntraRegistration>();
/** The registration of a certificate on the application: once per certificate, as the model requires. */
function registrationOf(certificate: TenantCertificate, name: string, organizationName: string | undefined): EntraRegistration {
  let registration = registrations.get(certificate);
  if (!registration) {
    registration = new EntraRegistration(name, { applicationId: APPLICATION_ID, certificatePem: certificate.certificatePem, ...(organizationName ? { organizationName } : {}) });
    registrations.set(certificate, registration);
  }
  return registration;
}

function organizationArgs(i: number, tenant: string, certificate: () => TenantCertificate): Vb365OrganizationArgs {
  const services = { isExchangeOnline: true, isSharePointOnline: true, isTeamsOnline: teams };
  // One certificate for both services, stored once.
  const appOnly = () => ({ applicationCertificate: certificate().pfxBase64, applicationCertificatePassword: certificate().password });
  switch (kindOf(i)) {
    case "device code":
      return {
        ...services,
        organizationName: tenant,
        newApplicationName: `VB365 ${tenant}`,
        userCode: config.requireSecret("userCode"),
        ...appOnly(),
        exchangeOnlineSettings: {},
        sharePointOnlineSettings: {},
      };
    case "basic": {
      const basic = { useApplicationOnlyAuth: false, useMfa: false, account: `admin@${tenant}`, password: config.requireSecret("accountPassword") };
      return { ...services, region: "China", exchangeOnlineSettings: basic, sharePointOnlineSettings: basic };
    }
    case "legacy": {
      const legacy = {
        useApplicationOnlyAuth: false,
        useMfa: true,
        account: `backup@${tenant}`,
        password: config.requireSecret("accountPassword"),
        applicationId: APPLICATION_ID,
        applicationSecret: config.requireSecret("applicationSecret"),
      };
      return { ...services, connection: "legacy", exchangeOnlineSettings: legacy, sharePointOnlineSettings: legacy };
    }
    case "existing": {
      const shares = certificate() === shared;
      const registration = registrationOf(certificate(), shares ? "shared" : `tenant${i}`, shares ? undefined : tenant);
      return {
        ...services,
        ...appOnly(),
        registeredThumbprints: [registration.thumbprint],
        organizationName: tenant,
        ...(split && i % 2 === 1 ? { connection: "legacy" } : {}),
        exchangeOnlineSettings: { applicationId: APPLICATION_ID, account: `backup@${tenant}` },
        sharePointOnlineSettings: { applicationId: APPLICATION_ID, officeOrganizationName: tenant },
      };
    }
  }
}

const organizations: Record<string, pulumi.Output<string>> = {};
for (let i = 0; i < count; i++) {
  const tenant = `tenant${i}.onmicrosoft.com`;
  const bad = badInput?.tenant === i ? badInput : undefined;
  const certificate = () => certificateOf(i, tenant, bad);
  // The per-tenant fleet gives every tenant a certificate, used or not; a bad one is always made.
  if (certificates === "per-tenant" || bad?.certificate) certificate();
  const adoptExisting = adopt.includes(`tenant${i}`) || undefined;
  const organization = new Vb365Organization(`tenant${i}`, { ...organizationArgs(i, tenant, certificate), adoptExisting, ...bad?.organization });
  organizations[`tenant${i}`] = organization.organizationId;
}

export const organizationIds = organizations;
