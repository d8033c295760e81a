import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization, type TenantCertificateArgs, type Vb365OrganizationArgs } from "../../../../provider";

// The fleet of the reliability suite: one certificate and one organization per tenant, with
// every authentication kind the secrets scan has to cover. The suite turns these knobs:
//   count        tenants (tenant0 … tenant<count-1>)
//   mix          "full": tenant0 by device code, tenant1 basic (China), tenant2 legacy protocols
//                over the vb365:connections entry "legacy" (v7), the rest existing applications;
//                "existing": existing applications only
//   teams        isTeamsOnline of every organization (the input change of update cases)
//   adopt        tenants whose organization may be taken over (adoptExisting), the documented
//                recovery for an organization without a certificate after an interrupted run
//   badInput     {tenant, certificate?, organization?} merged into one tenant's arguments, to
//                prove that a bad value stops the preview
const config = new pulumi.Config();
const count = config.requireNumber("count");
const mix = config.get("mix") ?? "full";
const teams = config.getBoolean("teams") ?? false;
const adopt = config.getObject<string[]>("adopt") ?? [];
const badInput = config.getObject<{ tenant: number; certificate?: Record<string, unknown>; organization?: Record<string, unknown> }>("badInput");

const APPLICATION_ID = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";

function organizationArgs(i: number, tenant: string, certificate: TenantCertificate): Vb365OrganizationArgs {
  // One certificate for both services, stored once.
  const appOnly = { applicationCertificate: certificate.pfxBase64, applicationCertificatePassword: certificate.password };
  const services = { isExchangeOnline: true, isSharePointOnline: true, isTeamsOnline: teams };
  if (mix === "full" && i === 0) {
    return {
      ...services,
      organizationName: tenant,
      newApplicationName: `VB365 ${tenant}`,
      userCode: config.requireSecret("userCode"),
      ...appOnly,
      exchangeOnlineSettings: {},
      sharePointOnlineSettings: {},
    };
  }
  if (mix === "full" && i === 1) {
    const basic = { useApplicationOnlyAuth: false, useMfa: false, account: `admin@${tenant}`, password: config.requireSecret("accountPassword") };
    return { ...services, region: "China", exchangeOnlineSettings: basic, sharePointOnlineSettings: basic };
  }
  if (mix === "full" && i === 2) {
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
  return {
    ...services,
    ...appOnly,
    exchangeOnlineSettings: { applicationId: APPLICATION_ID, account: `backup@${tenant}` },
    sharePointOnlineSettings: { applicationId: APPLICATION_ID, officeOrganizationName: tenant },
  };
}

const organizations: Record<string, pulumi.Output<string>> = {};
for (let i = 0; i < count; i++) {
  const tenant = `tenant${i}.onmicrosoft.com`;
  const bad = badInput?.tenant === i ? badInput : undefined;
  const certificateArgs: TenantCertificateArgs = { subject: { commonName: `${tenant} VB365` }, keySize: 2048, ...bad?.certificate };
  const certificate = new TenantCertificate(`tenant${i}`, certificateArgs);
  const adoptExisting = adopt.includes(`tenant${i}`) || undefined;
  const organization = new Vb365Organization(`tenant${i}`, { ...organizationArgs(i, tenant, certificate), adoptExisting, ...bad?.organization });
  organizations[`tenant${i}`] = organization.organizationId;
}

export const organizationIds = organizations;
