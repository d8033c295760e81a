import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization } from "../../../../provider";

// Knobs the engine tests turn between runs.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const teams = config.getBoolean("teams") ?? false;
const certificateGeneration = config.get("certificateGeneration") ?? "1";
const userCode = config.requireSecret("userCode");

const organizations: Record<string, pulumi.Output<string>> = {};
for (let i = 0; i < count; i++) {
  const tenant = `tenant${i}.onmicrosoft.com`;
  const certificate = new TenantCertificate(`tenant${i}`, {
    subject: { commonName: `${tenant} VB365 ${certificateGeneration}` },
  });
  // One certificate for both services, stored once.
  const appOnly = { applicationCertificate: certificate.pfxBase64, applicationCertificatePassword: certificate.password };
  // Tenant 0 lets VB365 register a new Entra application (device code); the others bring their own.
  const organization =
    i === 0
      ? new Vb365Organization(`tenant${i}`, {
          organizationName: "fabrikam.onmicrosoft.com",
          isExchangeOnline: true,
          isSharePointOnline: true,
          isTeamsOnline: teams,
          newApplicationName: "VB365 fabrikam",
          userCode,
          ...appOnly,
          exchangeOnlineSettings: {},
          sharePointOnlineSettings: {},
        })
      : new Vb365Organization(`tenant${i}`, {
          region: "worldwide",
          isExchangeOnline: true,
          isSharePointOnline: true,
          isTeamsOnline: teams,
          ...appOnly,
          exchangeOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", account: `backup@${tenant}` },
          sharePointOnlineSettings: { applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", officeOrganizationName: tenant },
        });
  organizations[`tenant${i}`] = organization.organizationId;
}

export const organizationIds = organizations;
