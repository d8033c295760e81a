import type { RemoteJob } from "../client/job-schemas";
import type { ResolvedObject } from "../common/object-lookup";
import { toPlainOutputs } from "../common/outputs";
import type { BackupJobInputs, BackupJobOutputs, JobSchedule } from "./types";

/** Outputs after create or update: the inputs as declared, and what the server and the lookups gave. */
export function outputsFromJob(inputs: BackupJobInputs, job: { id: string; repositoryId: string; items: Record<string, ResolvedObject> }, apiVersion: string): BackupJobOutputs {
  return toPlainOutputs({ ...inputs, jobId: job.id, resolvedRepositoryId: job.repositoryId, resolvedItems: job.items, apiVersion }) as unknown as BackupJobOutputs;
}

const SCHEDULE_KEYS = ["type", "dailyType", "dailyTime", "periodicallyEvery", "retryEnabled", "retryNumber", "retryWaitInterval"] as const;

/**
 * Outputs after a refresh: the previous outputs with what the job's listing reports laid over the
 * declared values (name, description, type, schedule, enabled, repository), so that a change made
 * in the console shows in the next preview and `pulumi up` puts it back. Items are not in the
 * listing (a job's items are a collection of their own), so they are not refreshed.
 */
export function outputsFromRemoteJob(previous: BackupJobOutputs, remote: RemoteJob): BackupJobOutputs {
  const next: Record<string, unknown> = { ...previous };
  if (remote.name) next.name = remote.name;
  if (previous.description !== undefined || remote.description) next.description = remote.description ?? undefined;
  if (remote.backupType) next.backupType = remote.backupType;
  if (typeof remote.isEnabled === "boolean") next.isEnabled = remote.isEnabled;
  if (remote.repositoryId) {
    next.resolvedRepositoryId = remote.repositoryId;
    if (previous.repositoryId !== undefined) next.repositoryId = remote.repositoryId;
  }
  if (previous.schedule && remote.schedulePolicy) {
    const policy = remote.schedulePolicy;
    const schedule: Record<string, unknown> = {};
    for (const key of SCHEDULE_KEYS) {
      const value = policy[key];
      if (value !== null && value !== undefined && (key in previous.schedule || relevant(key, policy.type))) schedule[key] = value;
    }
    next.schedule = schedule as JobSchedule;
  }
  return toPlainOutputs(next) as unknown as BackupJobOutputs;
}

/** A schedule member that belongs to the type the server reports (a console change of type brings its own). */
function relevant(key: (typeof SCHEDULE_KEYS)[number], type: string | null | undefined): boolean {
  if (key === "dailyType" || key === "dailyTime") return type === "Daily";
  if (key === "periodicallyEvery") return type === "Periodically";
  return true;
}

/** Read's `inputs`: the outputs minus what only the server and the lookups assign. */
export function inputsFromJobOutputs(outputs: BackupJobOutputs): BackupJobInputs {
  const { jobId: _id, resolvedRepositoryId: _repository, resolvedItems: _items, apiVersion: _version, ...inputs } = outputs;
  return inputs;
}
