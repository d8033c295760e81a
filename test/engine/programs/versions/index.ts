import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365Organization } from "../../../../provider";
import { EntraRegistration, newestPem } from "../../../helpers/entra-registration";

// A new-application tenant and an existing-application tenant on each API version, each pair over
// the vb365:connections entry named after its version; the existing applications get their
// certificates registered by the test's Entra automation, the new ones by VB365 with the device
// code of each version (a fresh one switches them to a new certificate). Knobs the engine tests
// turn between runs:
//   teams                  isTeamsOnline of every organization
//   certificateGeneration  part of every certificate's subject: a new value rotates them all
//   userCodes              the signed-in device code of each version
const config = new pulumi.Config();
const teams = config.getBoolean("teams") ?? false;
const certificateGeneration = config.get("certificateGeneration") ?? "1";
const userCodes = config.requireSecretObject<Record<string, string>>("userCodes");
const applicationId = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";

const organizations: Record<string, pulumi.Output<string>> = {};
for (const version of ["v6", "v7", "v8"]) {
  for (const kind of ["registered", "existing"] as const) {
    const tenant = `${kind}-${version}.onmicrosoft.com`;
    const certificate = new TenantCertificate(`${kind}-${version}`, { subject: { commonName: `${tenant} VB365 ${certificateGeneration}` }, keySize: 2048 });
    const common = {
      connection: version,
      organizationName: tenant,
      isExchangeOnline: true,
      isSharePointOnline: true,
      isTeamsOnline: teams,
      applicationCertificate: certificate.pfxBase64,
      applicationCertificatePassword: certificate.password,
    };
    const organization =
      kind === "registered"
        ? new Vb365Organization(`${kind}-${version}`, {
            ...common,
            newApplicationName: `VB365 ${tenant}`,
            userCode: userCodes.apply((codes) => codes[version]!),
            exchangeOnlineSettings: {},
            sharePointOnlineSettings: { sharePointSaveAllWebParts: true },
          })
        : new Vb365Organization(`${kind}-${version}`, {
            ...common,
            registeredThumbprints: [new EntraRegistration(`${kind}-${version}`, { applicationId, organizationName: tenant, certificatePem: newestPem(certificate) }).thumbprint],
            exchangeOnlineSettings: { applicationId, account: `backup@${tenant}` },
            sharePointOnlineSettings: { applicationId, officeOrganizationName: tenant },
          });
    organizations[`${kind}-${version}`] = organization.organizationId;
  }
}

export const organizationIds = organizations;
