import type { JobItem, JobSchedule } from "../../../provider/backup-job/types";
import type { RemoteJob } from "../../../provider/client/job-schemas";
import type { RemoteJobItem } from "../../../provider/client/jobs";
import { itemsFromServer } from "../../../provider/backup-job/items-from-server";
import { scheduleFromServer } from "../../../provider/backup-job/schedule-from-server";
import { jobNameOf, uniqueName } from "./names";

/** A job as the server has it: the job and its two item collections. */
export interface ServerJob {
  job: RemoteJob;
  selectedItems: RemoteJobItem[];
  excludedItems: RemoteJobItem[];
}

/** One entry of a tenant's `backup:` (docs/tenants-file.md, "backup"). */
export interface ExportedJob {
  name: string;
  /** Its name in VB365, where that is not `<tenant>-<name>`. */
  jobName?: string;
  description?: string;
  repository?: string;
  backupType: "EntireOrganization" | "SelectedItems";
  selectedItems?: JobItem[];
  excludedItems?: JobItem[];
  schedule?: JobSchedule;
  enabled?: false;
}

export interface JobExport {
  /** Undefined when the job cannot be written at all. */
  job?: ExportedJob;
  /** The YAML comment above the job: what could not be written. */
  note?: string;
  warnings: string[];
}

export interface JobContext {
  tenant: string;
  organization: string;
  /** Repository names by id, as the server lists them. */
  repositories: ReadonlyMap<string, string>;
  /** The file's defaults.repository: a job that writes there need not say so. */
  defaultRepository: string;
  /** Job names already given in this tenant. */
  taken: Set<string>;
}

export function exportedJob(source: ServerJob, context: JobContext): JobExport {
  const { job } = source;
  const shown = `job ${JSON.stringify(job.name ?? job.id)} of ${context.organization}`;
  if (job.backupType !== "EntireOrganization" && job.backupType !== "SelectedItems") {
    return { warnings: [`${shown} was not exported: its backupType ${JSON.stringify(job.backupType)} is neither EntireOrganization nor SelectedItems.`] };
  }
  const selected = itemsFromServer(source.selectedItems);
  const excluded = itemsFromServer(source.excludedItems);
  if (job.backupType === "SelectedItems" && selected.items.length === 0) {
    return { warnings: [`${shown} was not exported: none of its selected items can be written in the tenants file (${selected.leftOut.join(", ") || "it has none"}).`] };
  }
  const notes: string[] = [];
  const warnings: string[] = [];
  const name = uniqueName(jobNameOf(job.name, context.tenant), context.taken);
  // The job keeps its name in VB365: the tenant's adoption takes it over by that name.
  const jobName = job.name && `${context.tenant}-${name}` !== job.name ? job.name : undefined;
  const leftOut = [...selected.leftOut.map((what) => `${what} (selected)`), ...excluded.leftOut.map((what) => `${what} (excluded)`)];
  if (leftOut.length) {
    notes.push(`Left out, as the tenants file cannot name them: ${leftOut.join("; ")}.`);
    warnings.push(`${shown}: ${leftOut.join("; ")} left out, as the tenants file cannot name ${leftOut.length === 1 ? "it" : "them"}.`);
  }
  const schedule = scheduleFromServer(job.schedulePolicy);
  if (schedule.problem) {
    notes.push(`Schedule not exported: ${schedule.problem}. It runs on defaults.schedule.`);
    warnings.push(`${shown}: ${schedule.problem}; it is written without one (defaults.schedule applies).`);
  }
  const repository = job.repositoryId ? context.repositories.get(job.repositoryId.toLowerCase()) : undefined;
  if (!repository) {
    notes.push(`VB365 lists no repository ${job.repositoryId ?? "(none reported)"}: it writes to defaults.repository.`);
    warnings.push(`${shown}: its repository ${job.repositoryId ?? "(none reported)"} is not in the server's listing; it is written without one (defaults.repository applies).`);
  }
  const exported: ExportedJob = {
    name,
    ...(jobName ? { jobName } : {}),
    ...(job.description ? { description: job.description } : {}),
    ...(repository && repository !== context.defaultRepository ? { repository } : {}),
    backupType: job.backupType,
    ...(job.backupType === "SelectedItems" ? { selectedItems: selected.items } : {}),
    ...(excluded.items.length ? { excludedItems: excluded.items } : {}),
    ...(schedule.schedule ? { schedule: schedule.schedule } : {}),
    ...(job.isEnabled === false ? { enabled: false as const } : {}),
  };
  return { job: exported, note: notes.join("\n") || undefined, warnings };
}
