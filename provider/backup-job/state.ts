import type { RemoteJob } from "../client/job-schemas";
import type { ResolvedObject } from "../common/object-lookup";
import { toPlainOutputs } from "../common/outputs";
import type { BackupJobInputs, BackupJobOutputs, JobSchedule, JobWindow } from "./types";
import { compileWindow, decompileWindow, isWeek } from "./window";

/** Outputs after create or update: the inputs as declared, and what the server and the lookups gave. */
export function outputsFromJob(inputs: BackupJobInputs, job: { id: string; repositoryId: string; items: Record<string, ResolvedObject> }, apiVersion: string): BackupJobOutputs {
  return toPlainOutputs({ ...inputs, jobId: job.id, resolvedRepositoryId: job.repositoryId, resolvedItems: job.items, apiVersion }) as unknown as BackupJobOutputs;
}

const SCHEDULE_KEYS = ["type", "dailyType", "dailyTime", "periodicallyEvery", "periodicallyOffsetMinutes", "retryEnabled", "retryNumber", "retryWaitInterval"] as const;

type RemotePolicy = NonNullable<RemoteJob["schedulePolicy"]>;

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
      if (value !== null && value !== undefined && (key in previous.schedule || relevant(key, policy))) schedule[key] = value;
    }
    const backupWindow = windowFromServer(previous.schedule.backupWindow, policy.backupWindowEnabled, policy.backupWindowSettings);
    if (backupWindow) schedule.backupWindow = backupWindow;
    if (policy.type === "Periodically") {
      // v6 reports no periodicallyWindowEnabled: there the settings' presence says it.
      const enabled = policy.periodicallyWindowEnabled ?? Boolean(policy.periodicallyWindowSettings);
      const periodicallyWindow = windowFromServer(previous.schedule.periodicallyWindow, enabled, policy.periodicallyWindowSettings);
      if (periodicallyWindow) schedule.periodicallyWindow = periodicallyWindow;
    }
    next.schedule = schedule as JobSchedule;
  }
  return toPlainOutputs(next) as unknown as BackupJobOutputs;
}

/** A schedule member that belongs to the type the server reports (a console change of type brings its own). */
function relevant(key: (typeof SCHEDULE_KEYS)[number], policy: RemotePolicy): boolean {
  if (key === "dailyType" || key === "dailyTime") return policy.type === "Daily";
  if (key === "periodicallyEvery") return policy.type === "Periodically";
  // An offset of 0 is what a job without one has, so only another one is news.
  if (key === "periodicallyOffsetMinutes") return policy.type === "Periodically" && policy.periodicallyOffsetMinutes !== 0;
  return true;
}

/**
 * The window the server reports, in the declared form. The spans declared stay while they give
 * the hours the server has (many spans give the same hours, and the ones written read best);
 * other hours are written back as spans (window.ts), so the preview shows them and `up` puts the
 * declared ones back. A window that allows every hour is no window. minuteOffset is taken only
 * where it was declared: left out, the server's own is none of the program's business.
 */
function windowFromServer(declared: JobWindow | undefined, enabled: boolean | null | undefined, settings: RemotePolicy["backupWindowSettings"]): JobWindow | undefined {
  if (enabled !== true) return undefined;
  const hours = settings?.backupWindow;
  if (!isWeek(hours)) return declared;
  if (hours.every(Boolean)) return undefined;
  const same = declared !== undefined && compileWindow(declared.allowed).every((hour, index) => hour === hours[index]);
  const window: JobWindow = { allowed: same ? declared.allowed : decompileWindow(hours) };
  if (declared?.minuteOffset !== undefined) window.minuteOffset = settings?.minuteOffset ?? declared.minuteOffset;
  return window;
}

/** Read's `inputs`: the outputs minus what only the server and the lookups assign. */
export function inputsFromJobOutputs(outputs: BackupJobOutputs): BackupJobInputs {
  const { jobId: _id, resolvedRepositoryId: _repository, resolvedItems: _items, apiVersion: _version, ...inputs } = outputs;
  return inputs;
}
