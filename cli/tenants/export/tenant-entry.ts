import type { RemoteOrganization } from "../../../provider/client";
import { normaliseRegion, regionHint } from "../../../provider/organization/region";
import { KEEP } from "../../../program/tenants-schema";
import { type ExportedAuthentication, exportedAuthentication } from "./authentication";
import { type ExportedJob, exportedJob, type ServerJob } from "./job-entry";

/** One tenants.yaml entry as exported, in the file's own fields and order (docs/tenants-file.md). */
export interface ExportedTenant {
  name: string;
  organization: string;
  region: string;
  services: { exchange: boolean; sharePoint: boolean; teams: boolean; teamsChats: boolean };
  authentication: ExportedAuthentication;
  /** The credentials the server has stay: nothing secret is declared, sent or changed. */
  certificate: typeof KEEP;
  description?: string;
  adoptExisting: true;
  /** The server's jobs; [] when it has none, or when they were not read (--no-jobs). */
  backup: ExportedJob[];
}

/** The YAML comments of an entry, by what they stand above. */
export interface EntryNotes {
  authentication?: string;
  backup?: string;
  /** By the job's index in `backup`. */
  jobs: Array<string | undefined>;
}

/** One resource of a `pulumi import -f` file: what the provider plugin takes over, by type and id. */
export interface ImportableResource {
  type: "vb365:index:Organization" | "vb365:index:BackupJob";
  name: string;
  id: string;
}

export interface TenantExport {
  organizationId: string;
  entry: ExportedTenant;
  /** The organization and the jobs exported whole (nothing left out), as `pulumi import` takes them. */
  importable: ImportableResource[];
  notes: EntryNotes;
  warnings: string[];
}

export interface TenantContext {
  /** The entry's name, unique in the file. */
  name: string;
  /** The Microsoft 365 name VB365 reports. */
  organization: string;
  /** The organization's jobs, or undefined when they were not read. */
  jobs: readonly ServerJob[] | undefined;
  repositories: ReadonlyMap<string, string>;
  defaultRepository: string;
}

/** The entry of one organization of the server, with what the user must know about it. */
export function exportedTenant(organization: RemoteOrganization, context: TenantContext): TenantExport {
  const warnings: string[] = [];
  const reportedRegion = organization.region ?? "Worldwide";
  const region = normaliseRegion(reportedRegion);
  if (!region) warnings.push(`${context.organization}: VB365 reports the region ${JSON.stringify(reportedRegion)}, which the tenants file does not know (it takes ${regionHint()}); fix region: before pulumi preview.`);
  const auth = exportedAuthentication(organization, context.organization);
  if (auth.warning) warnings.push(auth.warning);
  const notes: EntryNotes = { authentication: auth.note, jobs: [] };
  const backup: ExportedJob[] = [];
  const importable: ImportableResource[] = [{ type: "vb365:index:Organization", name: context.name, id: organization.id }];
  if (context.jobs === undefined) {
    notes.backup = "Jobs not read (--no-jobs): backup: [] leaves the server's jobs as they are; without backup:, pulumi up would add Veeam's default jobs.";
  } else if (context.jobs.length === 0) {
    notes.backup = "VB365 has no job for this organization. Without backup:, pulumi up adds Veeam's default jobs (one per service).";
  } else {
    notes.backup = "The server's jobs, as declarations. Vb365BackupJob does not take over a job: pulumi up adds each as a new job <tenant>-<name>, beside the one it came from.";
    const taken = new Set<string>();
    for (const job of sortedJobs(context.jobs)) {
      const exported = exportedJob(job, { tenant: context.name, organization: context.organization, repositories: context.repositories, defaultRepository: context.defaultRepository, taken });
      warnings.push(...exported.warnings);
      if (!exported.job) continue;
      backup.push(exported.job);
      notes.jobs.push(exported.note);
      // A job written with a note lost part of itself on the way; an import would refuse it.
      if (!exported.note) importable.push({ type: "vb365:index:BackupJob", name: `${context.name}-${exported.job.name}`, id: job.job.id });
    }
  }
  const entry: ExportedTenant = {
    name: context.name,
    organization: context.organization,
    region: region ?? reportedRegion,
    services: {
      exchange: organization.isExchangeOnline === true,
      sharePoint: organization.isSharePointOnline === true,
      teams: organization.isTeamsOnline === true,
      teamsChats: organization.isTeamsChatsOnline === true,
    },
    authentication: auth.authentication,
    certificate: KEEP,
    ...(organization.description ? { description: organization.description } : {}),
    adoptExisting: true,
    backup,
  };
  return { organizationId: organization.id, entry, importable, notes, warnings };
}

/** By name, then id: job names are made unique in this order, so the same server gives the same names. */
function sortedJobs(jobs: readonly ServerJob[]): ServerJob[] {
  const key = (job: ServerJob) => `${(job.job.name ?? "").toLowerCase()}\u0000${job.job.id}`;
  return [...jobs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
