import * as pulumi from "@pulumi/pulumi";
// In your own project: import { Vb365Tenant } from "pulumi-vb365";
import { Vb365Tenant } from "../../provider";

// The customer registered an Entra application for VB365, granted it the backup permissions and
// uploaded this stack's certificate to it (output certificatePem). VB365 then needs no sign-in
// by the customer at all: no device code, so a pipeline never waits.
const config = new pulumi.Config();
const organization = config.require("organization");
const applicationId = config.require("applicationId");

// Vb365Tenant: the tenant's own certificate plus the organization that uses it.
const tenant = new Vb365Tenant("northwind", {
  organizationName: organization,
  certificate: { keySize: 2048, validityDays: 730 },
  organization: {
    region: "Worldwide",
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    // Teams chats need an existing application: VB365 cannot register one for them.
    isTeamsChatsOnline: true,
    description: config.get("description"),
    exchangeOnlineSettings: { applicationId, account: config.require("account") },
    sharePointOnlineSettings: { applicationId, officeOrganizationName: organization },
  },
});

export const organizationId = tenant.organizationId;
export const thumbprint = tenant.thumbprint;
export const certificateNotAfter = tenant.certificateNotAfter;
/** The public certificate, for the application's "Certificates & secrets" page in Entra ID. */
export const certificatePem = tenant.certificate?.certificatePem;
