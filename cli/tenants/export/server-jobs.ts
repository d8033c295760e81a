import type { Vb365Client } from "../../../provider/client";
import { JobsApi } from "../../../provider/client/jobs";
import { type RemoteJob, organizationOfJob } from "../../../provider/client/job-schemas";
import type { ServerJob } from "./job-entry";

/** The jobs of the organizations being exported, and what names their repositories. */
export interface ServerJobs {
  /** By organization id, lower case. */
  byOrganization: Map<string, ServerJob[]>;
  /** Repository names by id, lower case. */
  repositories: Map<string, string>;
  warnings: string[];
}

/** Item listings in flight at once: enough to hide the round trips, few enough for any server. */
const PARALLEL_ITEM_READS = 8;

/**
 * One listing of the repositories and one of every job (v6/v7 answer arrays, v8 pages), then per
 * job of the organizations in `organizationIds` its excluded items and, for a SelectedItems job,
 * its selected items: the specs keep both in collections of their own (`/Jobs/{id}/...Items`).
 * v6/v7 jobs name their organization only in `_links.organization` (v8 adds organizationId), and
 * GET /Jobs serves every version, so this needs no per-organization listing.
 */
export async function readServerJobs(client: Vb365Client, organizationIds: ReadonlySet<string>): Promise<ServerJobs> {
  const api = new JobsApi(client);
  const repositories = new Map((await api.listRepositories()).map((repository) => [repository.id.toLowerCase(), repository.name ?? repository.id]));
  const warnings: string[] = [];
  const wanted: Array<{ job: RemoteJob; organizationId: string }> = [];
  for (const job of await api.listJobs()) {
    const organizationId = organizationOfJob(job);
    if (!organizationId) warnings.push(`job ${JSON.stringify(job.name ?? job.id)}: VB365 does not say which organization it belongs to, so it was not exported.`);
    else if (organizationIds.has(organizationId)) wanted.push({ job, organizationId });
  }
  const jobs = await inParallel(wanted, PARALLEL_ITEM_READS, async ({ job, organizationId }) => ({
    organizationId,
    job: {
      job,
      selectedItems: job.backupType === "SelectedItems" ? await api.listJobItems(job.id, "selectedItems") : [],
      excludedItems: await api.listJobItems(job.id, "excludedItems"),
    },
  }));
  const byOrganization = new Map<string, ServerJob[]>();
  for (const { organizationId, job } of jobs) byOrganization.set(organizationId, [...(byOrganization.get(organizationId) ?? []), job]);
  return { byOrganization, repositories, warnings };
}

/** `work` over `items` with at most `limit` at a time; results in the order of `items`. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
