import { BACKUP_JOB_FIELDS } from "./definition";
import type { JobSchedule, JobWindow } from "./types";
import { decompileWindow, isWeek } from "./window";
import type { RemoteJob } from "../client/job-schemas";

type RemotePolicy = NonNullable<RemoteJob["schedulePolicy"]>;
type RemoteWindow = RemotePolicy["backupWindowSettings"];

export interface ScheduleFromServer {
  schedule?: JobSchedule;
  /** Why the job's schedule cannot be declared. */
  problem?: string;
}

/**
 * RESTJobSchedulePolicy as a job's `schedule:` (Vb365BackupJob's own form, definition.ts): the
 * members of the type the server reports, its retries and its windows as spans (window.ts). A
 * schedule switched off is ManualOnly, as the provider sends it. The result is checked by the
 * definition's own schema, so what is written is what the program accepts.
 */
export function scheduleFromServer(policy: RemotePolicy | null | undefined): ScheduleFromServer {
  if (!policy) return { problem: "VB365 reports no schedule for it" };
  const type = policy.scheduleEnabled === false ? "ManualOnly" : policy.type;
  const schedule: Record<string, unknown> = { type };
  if (type === "Daily") {
    schedule.dailyType = policy.dailyType ?? undefined;
    // HH:MM reads as people write it; seconds only where the server has some.
    schedule.dailyTime = policy.dailyTime?.replace(/^(\d\d:\d\d):00$/, "$1");
  }
  if (type === "Periodically") {
    schedule.periodicallyEvery = policy.periodicallyEvery ?? undefined;
    // v6 reports no periodicallyWindowEnabled: there the settings' presence says it.
    const window = windowOf(policy.periodicallyWindowEnabled ?? Boolean(policy.periodicallyWindowSettings), policy.periodicallyWindowSettings);
    if (window === INVALID) return { problem: "its periodic window is not the 168 hours of a week that the specs describe" };
    schedule.periodicallyWindow = window;
    // An offset of 0 is what a job without one has.
    if (policy.periodicallyOffsetMinutes) schedule.periodicallyOffsetMinutes = policy.periodicallyOffsetMinutes;
  }
  if (type !== "ManualOnly") {
    const window = windowOf(policy.backupWindowEnabled === true, policy.backupWindowSettings);
    if (window === INVALID) return { problem: "its backup window is not the 168 hours of a week that the specs describe" };
    schedule.backupWindow = window;
  }
  if (typeof policy.retryEnabled === "boolean") schedule.retryEnabled = policy.retryEnabled;
  if (policy.retryEnabled !== false) {
    if (typeof policy.retryNumber === "number") schedule.retryNumber = policy.retryNumber;
    if (typeof policy.retryWaitInterval === "number") schedule.retryWaitInterval = policy.retryWaitInterval;
  }
  const written = Object.fromEntries(Object.entries(schedule).filter(([, value]) => value !== undefined && value !== null));
  const checked = BACKUP_JOB_FIELDS.schedule.schema().safeParse(written);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { problem: `its schedule is not one the tenants file takes (${["schedule", ...(issue?.path ?? [])].join(".")} ${issue?.message ?? "is invalid"})` };
  }
  return { schedule: written as JobSchedule };
}

const INVALID = Symbol("not a week of hours");

/**
 * A window that is on, as the spans that give its hours; none when it is off or allows every
 * hour. A job made from the declaration gets the server's minuteOffset, unless it is 0.
 */
function windowOf(enabled: boolean, settings: RemoteWindow): JobWindow | typeof INVALID | undefined {
  if (!enabled) return undefined;
  const hours = settings?.backupWindow;
  if (!isWeek(hours)) return INVALID;
  if (hours.every(Boolean)) return undefined;
  const window: JobWindow = { allowed: decompileWindow(hours) };
  if (settings?.minuteOffset) window.minuteOffset = settings.minuteOffset;
  return window;
}
