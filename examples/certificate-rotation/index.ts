import * as pulumi from "@pulumi/pulumi";
// In your own project: import { Vb365Tenant } from "pulumi-vb365";
import { Vb365Tenant } from "../../provider";

// Certificates that renew themselves without ever breaking a backup. Once fewer than
// rotateBeforeDays remain before notAfter, the next up makes the next certificate beside the
// current one; the organization keeps using the current one until its application trusts the
// next one, then switches to it in place (same id, same jobs), and the old one retires when it
// expires. A pipeline that runs `pulumi up` on a schedule and acts on its warnings therefore never
// lets a tenant's certificate expire. Two tenants, one of each way an application learns the
// next certificate:
//   contoso   the customer's own application: they register the next certificate
//             (nextCertificatePem) and confirm it; the stack lists it in registeredThumbprints;
//   fabrikam  an application VB365 registered: a fresh device code lets VB365 register it.
const config = new pulumi.Config();
const certificate = {
  keySize: 2048 as const,
  validityDays: config.requireNumber("validityDays"),
  rotateBeforeDays: config.requireNumber("rotateBeforeDays"),
};

const contosoName = config.require("organization");
const applicationId = config.require("applicationId");
const contoso = new Vb365Tenant("contoso", {
  organizationName: contosoName,
  certificate,
  // The customer's confirmations: what they registered on their application.
  registeredThumbprints: config.getObject<string[]>("registeredThumbprints") ?? [],
  organization: {
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    exchangeOnlineSettings: { applicationId, account: `veeam-backup@${contosoName}` },
    sharePointOnlineSettings: { applicationId, officeOrganizationName: contosoName },
  },
});

const fabrikamName = config.require("newApplicationOrganization");
const fabrikam = new Vb365Tenant("fabrikam", {
  organizationName: fabrikamName,
  certificate,
  // `vb365 device-code --config-key deviceCode --up` writes a fresh code here: for the onboarding,
  // and again for each rotation; the code is no change otherwise.
  deviceCodeConfigKey: "deviceCode",
  organization: {
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    newApplicationName: `VB365 ${fabrikamName}`,
    userCode: config.getSecret("deviceCode"),
  },
});

/** Per tenant: the certificate in use, the next one, and where the rotation stands. */
function status(tenant: Vb365Tenant) {
  return {
    organizationId: tenant.organizationId,
    thumbprint: tenant.thumbprint,
    certificateNotAfter: tenant.certificateNotAfter,
    certificatePem: tenant.certificate?.certificatePem,
    nextThumbprint: tenant.nextThumbprint,
    nextCertificatePem: tenant.nextCertificatePem,
    certificateRotation: tenant.certificateRotation,
  };
}

export const customerRegistered = status(contoso);
export const vb365Registered = status(fabrikam);
