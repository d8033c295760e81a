import * as pulumi from "@pulumi/pulumi";
// In your own project: import { Vb365Tenant } from "pulumi-vb365";
import { Vb365Tenant } from "../../provider";

// A certificate that renews itself: once fewer than rotateBeforeDays remain before notAfter,
// the next preview shows the certificate replaced and the organization updated in place with
// the new PFX. A pipeline that runs `pulumi up` on a schedule (daily, weekly) therefore never
// lets a tenant's certificate expire, and the organization keeps its id and its backup jobs.
const config = new pulumi.Config();
const organization = config.require("organization");
const applicationId = config.require("applicationId");

const tenant = new Vb365Tenant("contoso", {
  organizationName: organization,
  certificate: {
    keySize: 2048,
    validityDays: config.requireNumber("validityDays"),
    rotateBeforeDays: config.requireNumber("rotateBeforeDays"),
  },
  organization: {
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    exchangeOnlineSettings: { applicationId, account: `veeam-backup@${organization}` },
    sharePointOnlineSettings: { applicationId, officeOrganizationName: organization },
  },
});

export const organizationId = tenant.organizationId;
export const thumbprint = tenant.thumbprint;
export const certificateNotAfter = tenant.certificateNotAfter;
/** The public certificate: with an existing application, it goes onto the application too. */
export const certificatePem = tenant.certificate?.certificatePem;
