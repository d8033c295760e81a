import type { RemoteOrganization, Vb365Client } from "../../../provider/client";
import type { ServerJob } from "./job-entry";
import { tenantNameOf, uniqueName } from "./names";
import { readServerJobs } from "./server-jobs";
import { exportedTenant, type TenantExport } from "./tenant-entry";
import { defaultRepositoryOf, type ExistingTenantsFile } from "./tenants-file";

export interface ExportOptions {
  /** The file being added to: its organizations are not exported again, its names not reused. */
  existing?: ExistingTenantsFile;
  /** Read the jobs (one listing, then one or two requests per job of an exported organization). */
  jobs: boolean;
}

/** An organization of the server that gets no entry, and why. */
export interface SkippedOrganization {
  organization: string;
  /** Its name in the file, when it is already there. */
  name?: string;
  reason: string;
}

export interface ExportResult {
  /** The new entries, by organization name. */
  exports: TenantExport[];
  skipped: SkippedOrganization[];
  warnings: string[];
  /** Organizations the server listed. */
  organizations: number;
}

/**
 * Reads the organizations (all pages) and, unless told not to, their jobs, and makes an entry for
 * each Microsoft 365 organization the file does not have yet. Entries are made in the order of
 * their organization names, so that names are made unique the same way every time.
 */
export async function exportTenants(client: Vb365Client, options: ExportOptions): Promise<ExportResult> {
  const organizations = await client.listOrganizations();
  const skipped: SkippedOrganization[] = [];
  const warnings: string[] = [];
  const chosen = new Map<string, { organization: RemoteOrganization; name: string }>();
  for (const organization of organizations) {
    const name = organization.name || organization.officeName;
    if (!name) {
      warnings.push(`The organization with id ${organization.id} was not exported: VB365 reports no Microsoft 365 name for it.`);
      continue;
    }
    const key = name.trim().toLowerCase();
    const inFile = options.existing?.organizations.get(key);
    if (inFile !== undefined) skipped.push({ organization: name, name: inFile || undefined, reason: `already in ${options.existing?.path}` });
    else if (organization.type && organization.type !== "Office365") {
      warnings.push(`${name} was not exported: it is a ${organization.type} organization, and the tenants file onboards Microsoft 365 organizations only.`);
    } else if (chosen.has(key)) {
      warnings.push(`${name} was listed twice by the server (ids ${chosen.get(key)?.organization.id} and ${organization.id}); only the first was exported.`);
    } else chosen.set(key, { organization, name: name.trim() });
  }

  const ids = new Set([...chosen.values()].map(({ organization }) => organization.id.toLowerCase()));
  const jobs = options.jobs && ids.size ? await readServerJobs(client, ids) : undefined;
  if (jobs) warnings.push(...jobs.warnings);
  const taken = new Set(options.existing?.names ?? []);
  const defaultRepository = options.existing?.defaultRepository ?? defaultRepositoryOf(undefined);
  const exports = [...chosen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { organization, name }]): TenantExport => {
      const serverJobs: readonly ServerJob[] | undefined = options.jobs ? (jobs?.byOrganization.get(organization.id.toLowerCase()) ?? []) : undefined;
      return exportedTenant(organization, {
        name: uniqueName(tenantNameOf(name), taken),
        organization: name,
        jobs: serverJobs,
        repositories: jobs?.repositories ?? new Map(),
        defaultRepository,
      });
    });
  warnings.push(...exports.flatMap((exported) => exported.warnings));
  skipped.sort((a, b) => a.organization.toLowerCase().localeCompare(b.organization.toLowerCase()));
  return { exports, skipped, warnings, organizations: organizations.length };
}
