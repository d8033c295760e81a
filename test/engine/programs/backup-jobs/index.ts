import * as pulumi from "@pulumi/pulumi";
import { TenantCertificate, Vb365BackupJob, Vb365Organization, Vb365RestoreOperatorRole } from "../../../../provider";
import { EntraRegistration } from "../../../helpers/entra-registration";

// `count` existing-application tenants sharing one certificate, the even ones over the
// vb365:connections entry "v8", the odd ones over "v7". Each gets the jobs of Veeam's job design
// guidance: Exchange, OneDrive and SharePoint, Teams. tenant0 also backs up a user and a site,
// and has a restore-operator role.
// Knobs the engine tests turn between runs:
//   unknownUser  tenant0's selected-items job also names a user the organization does not have
const config = new pulumi.Config();
const count = config.requireNumber("count");
const unknownUser = config.getBoolean("unknownUser") ?? false;
const applicationId = "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10";
const repositoryName = "Default Backup Repository";

const certificate = new TenantCertificate("shared", { subject: { commonName: "provider VB365" } });
// The provider's multi-tenant application: its one certificate registered once, for every tenant.
const registration = new EntraRegistration("shared", { applicationId, certificatePem: certificate.certificatePem });
const jobs: Record<string, pulumi.Output<string>> = {};
for (let i = 0; i < count; i++) {
  const tenant = `tenant${i}.onmicrosoft.com`;
  const connection = i % 2 === 0 ? "v8" : "v7";
  const organization = new Vb365Organization(`tenant${i}`, {
    connection,
    organizationName: tenant,
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: true,
    applicationCertificate: certificate.pfxBase64,
    applicationCertificatePassword: certificate.password,
    registeredThumbprints: [registration.thumbprint],
    exchangeOnlineSettings: { applicationId, account: `backup@${tenant}` },
    sharePointOnlineSettings: { applicationId, officeOrganizationName: tenant },
  });
  const common = { organizationId: organization.organizationId, connection, repositoryName, backupType: "SelectedItems" as const };
  const declared: Record<string, Vb365BackupJob> = {
    [`tenant${i}-exchange`]: new Vb365BackupJob(`tenant${i}-exchange`, { ...common, selectedItems: [{ type: "PartialOrganization", mailbox: true, archiveMailbox: true }] }),
    [`tenant${i}-onedrive-sharepoint`]: new Vb365BackupJob(`tenant${i}-onedrive-sharepoint`, {
      ...common,
      selectedItems: [{ type: "PartialOrganization", oneDrive: true, sites: true }],
      schedule: { type: "Daily", dailyTime: "23:00" },
    }),
    [`tenant${i}-teams`]: new Vb365BackupJob(`tenant${i}-teams`, {
      ...common,
      selectedItems: [{ type: "PartialOrganization", teams: true }],
      schedule: { type: "Periodically", periodicallyEvery: "Hours4" },
    }),
  };
  if (i === 0) {
    const people: Array<{ type: "User"; user: string; mailbox: boolean } | { type: "Site"; site: string }> = [
      { type: "User", user: `alex@${tenant}`, mailbox: true },
      { type: "Site", site: "https://tenant0.sharepoint.com/sites/Sales" },
    ];
    if (unknownUser) people.push({ type: "User", user: `nobody@${tenant}`, mailbox: true });
    declared["tenant0-people"] = new Vb365BackupJob("tenant0-people", { ...common, selectedItems: people, description: "Alex and the Sales site" });
    // The tenant's helpdesk may restore the Sales site.
    new Vb365RestoreOperatorRole("tenant0-helpdesk", {
      organizationId: organization.organizationId,
      connection,
      operators: [{ type: "Group", group: "All Company" }],
      roleType: "SpecificObjects",
      selectedItems: [{ type: "Site", site: "https://tenant0.sharepoint.com/sites/Sales" }],
    });
  }
  for (const [name, job] of Object.entries(declared)) jobs[name] = job.jobId;
}

export const jobIds = jobs;
