import * as pulumi from "@pulumi/pulumi";
// In your own project: import { TenantCertificate, Vb365Organization } from "pulumi-vb365";
import { TenantCertificate, Vb365Organization } from "../../provider";

// VB365 registers a new Entra application in the customer's tenant, the way its own wizard does.
// The customer's Global Administrator authorises it once by signing in with a device code, which
// `vb365 device-code --config-key deviceCode` stores in this stack as a secret.
const config = new pulumi.Config();
const organization = config.require("organization");

// The tenant's own certificate: VB365 registers it on the new application.
const certificate = new TenantCertificate("tenant", {
  subject: { commonName: `${organization} VB365` },
  validityDays: 730,
});
const appOnly = { applicationCertificate: certificate.pfxBase64, applicationCertificatePassword: certificate.password };

const tenant = new Vb365Organization("tenant", {
  organizationName: organization,
  region: "Worldwide",
  isExchangeOnline: true,
  isSharePointOnline: true,
  isTeamsOnline: true,
  newApplicationName: `VB365 ${organization}`,
  // getSecret, not requireSecret: the code is used once, so it may leave the config afterwards.
  userCode: config.getSecret("deviceCode"),
  exchangeOnlineSettings: appOnly,
  sharePointOnlineSettings: { ...appOnly, sharePointSaveAllWebParts: true },
});

export const organizationId = tenant.organizationId;
export const thumbprint = certificate.thumbprint;
export const certificateNotAfter = certificate.notAfter;
