import type { ApiVersion } from "../client";
import type { JobsApi } from "../client/jobs";
import { organizationOfJob, type RemoteJob } from "../client/job-schemas";
import { checkBackupJob } from "./check";
import { itemsFromServer } from "./items-from-server";
import { scheduleFromServer } from "./schedule-from-server";
import type { BackupJobInputs, JobSchedule, JobWindow } from "./types";

/**
 * A job the server has, as the inputs that declare it (`pulumi import`, the `import` option,
 * `Vb365BackupJob.get`): its organization, name, repository, items named as people know them,
 * schedule and state. A job whose items or schedule have no declared form (OneDrive folders, a
 * schedule the specs do not describe) is refused rather than declared without them: the first
 * `up` would remove them from the job.
 */
export async function importedJob(api: JobsApi, job: RemoteJob, apiVersion: ApiVersion): Promise<BackupJobInputs> {
  const shown = `The backup job ${JSON.stringify(job.name ?? job.id)}`;
  const organizationId = organizationOfJob(job);
  if (!organizationId) throw new Error(`${shown} cannot be imported: VB365 does not say which organization it belongs to.`);
  const selected = itemsFromServer(job.backupType === "SelectedItems" ? await api.listJobItems(job.id, "selectedItems") : []);
  const excluded = itemsFromServer(await api.listJobItems(job.id, "excludedItems"));
  const schedule = scheduleFromServer(job.schedulePolicy);
  const problems = [...selected.leftOut.map((item) => `${item} (selected)`), ...excluded.leftOut.map((item) => `${item} (excluded)`), ...(schedule.problem ? [schedule.problem] : [])];
  if (problems.length) throw new Error(`${shown} cannot be imported without losing part of it: ${problems.join("; ")}. Manage it in the console, or change it there first.`);
  if (schedule.schedule) schedule.schedule = withDaysAsLists(schedule.schedule);
  const declared: Record<string, unknown> = {
    organizationId,
    name: job.name ?? undefined,
    ...(job.description ? { description: job.description } : {}),
    repositoryId: job.repositoryId ?? undefined,
    backupType: job.backupType ?? undefined,
    ...(job.backupType === "SelectedItems" ? { selectedItems: selected.items } : {}),
    ...(excluded.items.length ? { excludedItems: excluded.items } : {}),
    schedule: schedule.schedule,
    isEnabled: job.isEnabled ?? true,
  };
  const checked = checkBackupJob(declared, apiVersion);
  if (!checked.inputs) {
    const reasons = (checked.failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`).join("; ");
    throw new Error(`${shown} cannot be declared from what the server reports (${reasons}).`);
  }
  return checked.inputs;
}

/**
 * The schedule with each window span's days as a list: what the package schema types them as, so
 * that the code `pulumi import` prints in any language declares them as the SDKs take them.
 */
function withDaysAsLists(schedule: JobSchedule): JobSchedule {
  const listed = (window: JobWindow | undefined): JobWindow | undefined =>
    window && { ...window, allowed: window.allowed.map((span) => ({ ...span, days: typeof span.days === "string" ? [span.days] : span.days })) };
  const { backupWindow, periodicallyWindow, ...rest } = schedule;
  return { ...rest, ...(backupWindow ? { backupWindow: listed(backupWindow) } : {}), ...(periodicallyWindow ? { periodicallyWindow: listed(periodicallyWindow) } : {}) };
}
