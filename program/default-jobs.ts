import type { JobItem, JobSchedule } from "../provider/backup-job/types";

/** One backup job of a tenant, with the file's defaults applied: what Vb365Tenant takes. */
export interface TenantJob {
  /** Names the job's resource, `<tenant>-<name>`, and the job in VB365 unless `jobName` does. */
  name: string;
  /** The job's name in VB365 (a job taken over from the server keeps its own). */
  jobName?: string;
  repositoryName: string;
  backupType: "EntireOrganization" | "SelectedItems";
  selectedItems?: JobItem[];
  excludedItems?: JobItem[];
  schedule?: JobSchedule;
  isEnabled: boolean;
  description?: string;
}

interface Services {
  exchange: boolean;
  sharePoint: boolean;
  teams: boolean;
  teamsChats: boolean;
}

/**
 * The jobs of a tenant that declares none, after Veeam's job design guidance (bp.veeam.com, VB365
 * job design): one job per service, so that each stays well under a job's limits and fails or is
 * retried on its own: Exchange (mailboxes and archives), OneDrive and SharePoint, Teams.
 */
export function defaultJobs(services: Services, repositoryName: string, schedule: JobSchedule | undefined): TenantJob[] {
  const job = (name: string, selected: JobItem): TenantJob => ({ name, repositoryName, backupType: "SelectedItems", selectedItems: [selected], isEnabled: true, ...(schedule ? { schedule } : {}) });
  const jobs: TenantJob[] = [];
  if (services.exchange) jobs.push(job("exchange", { type: "PartialOrganization", mailbox: true, archiveMailbox: true }));
  if (services.sharePoint) jobs.push(job("onedrive-sharepoint", { type: "PartialOrganization", oneDrive: true, sites: true }));
  if (services.teams) jobs.push(job("teams", { type: "PartialOrganization", teams: true, ...(services.teamsChats ? { teamsChats: true } : {}) }));
  return jobs;
}
