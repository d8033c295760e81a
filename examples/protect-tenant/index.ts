import * as pulumi from "@pulumi/pulumi";
// In your own project: import { ... } from "pulumi-vb365";
import { TenantCertificate, Vb365BackupJob, Vb365Organization, Vb365RestoreOperatorRole } from "../../provider";

// Onboarding ends where protection starts: the organization, then its backup jobs, then who of the
// tenant may restore what. The same program runs against VB365 v6, v7 and v8 (vb365:apiVersion):
// the jobs' routes and bodies differ by version, the program does not.
const config = new pulumi.Config();
const organizationName = config.require("organization");
const applicationId = config.require("applicationId");
const repositoryName = config.require("repository");
const domain = organizationName.split(".")[0];

const certificate = new TenantCertificate(domain, { subject: { commonName: `${organizationName} VB365` }, validityDays: 730 });
const organization = new Vb365Organization(domain, {
  organizationName,
  region: "Worldwide",
  isExchangeOnline: true,
  isSharePointOnline: true,
  isTeamsOnline: true,
  applicationCertificate: certificate.pfxBase64,
  applicationCertificatePassword: certificate.password,
  exchangeOnlineSettings: { applicationId, account: `veeam-backup@${organizationName}` },
  sharePointOnlineSettings: { applicationId, officeOrganizationName: organizationName },
});

// The whole organization every night, kept out of office hours by a backup window.
const everything = new Vb365BackupJob(`${domain}-everything`, {
  organizationId: organization.organizationId,
  repositoryName,
  backupType: "EntireOrganization",
  description: "Every mailbox, OneDrive, site and team",
  schedule: {
    type: "Daily",
    dailyTime: "22:00",
    backupWindow: { allowed: [{ days: "Workdays", from: "20:00", to: "06:00" }, { days: "Weekends", from: "00:00", to: "24:00" }] },
    retryEnabled: true,
    retryNumber: 3,
    retryWaitInterval: 10,
  },
});

// The people whose mail cannot wait for the night: by UPN and site URL, resolved in the
// organization when the job is created or changed (a name it does not have fails, creating nothing).
const executives = new Vb365BackupJob(`${domain}-executives`, {
  organizationId: organization.organizationId,
  repositoryName,
  backupType: "SelectedItems",
  selectedItems: [
    { type: "User", user: `megan@${organizationName}`, mailbox: true, archiveMailbox: true, oneDrive: true },
    { type: "User", user: `alex@${organizationName}`, mailbox: true },
    { type: "Site", site: `https://${domain}.sharepoint.com/sites/Sales` },
  ],
  schedule: { type: "Periodically", periodicallyEvery: "Hours1" },
});

// The tenant's helpdesk restores for the Sales team and site on the Restore Portal, nothing else.
const helpdesk = new Vb365RestoreOperatorRole(`${domain}-helpdesk`, {
  organizationId: organization.organizationId,
  description: "Helpdesk: Sales only",
  roleType: "SpecificObjects",
  operators: [{ type: "User", user: `admin@${organizationName}` }],
  selectedItems: [
    { type: "Group", group: "Sales" },
    { type: "Site", site: `https://${domain}.sharepoint.com/sites/Sales` },
  ],
});

export const organizationId = organization.organizationId;
export const jobIds = { everything: everything.jobId, executives: executives.jobId };
export const restoreOperatorRoleId = helpdesk.roleId;
/** Why the tenant can or cannot use the provider's Restore Portal. */
export const restorePortalStatus = organization.restorePortalStatus;
/** For the customer's global administrator, once: consent to the portal application in their tenant. */
export const restorePortalConsentUrl = organization.restorePortalConsentUrl;
/** The public certificate, for the application's "Certificates & secrets" page in Entra ID. */
export const certificatePem = certificate.certificatePem;
