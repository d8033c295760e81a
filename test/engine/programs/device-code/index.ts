import * as pulumi from "@pulumi/pulumi";
import { Vb365Organization } from "../../../../provider";

// The code comes from the config key that `vb365 device-code --config-key tenantUserCode`
// writes right before the same command runs `pulumi up`. The application certificate is
// given as config too, so this program depends on nothing but the device-code flow.
const config = new pulumi.Config();
const appOnly = {
  applicationCertificate: config.requireSecret("pfxBase64"),
  applicationCertificatePassword: config.requireSecret("pfxPassword"),
};

const organization = new Vb365Organization("fabrikam", {
  organizationName: "fabrikam.onmicrosoft.com",
  isExchangeOnline: true,
  isSharePointOnline: true,
  isTeamsOnline: true,
  newApplicationName: "VB365 fabrikam",
  userCode: config.requireSecret("tenantUserCode"),
  exchangeOnlineSettings: appOnly,
  sharePointOnlineSettings: appOnly,
});

export const organizationId = organization.organizationId;
export const organizationName = organization.name;
