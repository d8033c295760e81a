import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization } from "../../../../provider";
import { EntraRegistration, newestPem } from "../../../helpers/entra-registration";

// Knobs the engine tests turn between runs.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const teams = config.getBoolean("teams") ?? false;
const certificateGeneration = config.get("certificateGeneration") ?? "1";
const userCode = config.requireSecret("userCode");

const organizations: Record<string, pulumi.Output<string>> = {};
const APPLICATION_ID = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";
for (let i = 0; i < count; i++) {
  const tenant = `tenant${i}.onmicrosoft.com`;
  const certificate = new TenantCertificate(`tenant${i}`, {
    subject: { commonName: `${tenant} VB365 ${certificateGeneration}` },
  });
  // One certificate for both services, stored once.
  const appOnly = { applicationCertificate: certificate.pfxBase64, applicationCertificatePassword: certificate.password };
  // Tenant 0 lets VB365 register a new Entra application (device code); the others bring their
  // own, on which the provider's Entra automation registers each certificate before VB365 uses it.
  const registration = i === 0 ? undefined : new EntraRegistration(`tenant${i}`, { applicationId: APPLICATION_ID, organizationName: tenant, certificatePem: newestPem(certificate) });
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
          registeredThumbprints: registration ? [registration.thumbprint] : [],
          exchangeOnlineSettings: { applicationId: APPLICATION_ID, account: `backup@${tenant}` },
          sharePointOnlineSettings: { applicationId: APPLICATION_ID, officeOrganizationName: tenant },
        });
  organizations[`tenant${i}`] = organization.organizationId;
}

export const organizationIds = organizations;
