import type * as pulumi from "@pulumi/pulumi";
import { containsUnknown } from "../common/check";
import { diffByDefinition } from "../common/definition-diff";
import { BACKUP_JOB_FIELDS } from "./definition";
import type { BackupJobInputs, BackupJobOutputs, JobSchedule, JobWindow } from "./types";
import { compileWindow } from "./window";

/**
 * Another organization or server means another job; everything else PUT changes in place. Items
 * are compared as declared (by name), so an object's id never shows as a change; windows by the
 * hours they allow, since spans written another way that allow the same hours are the same window.
 */
export function diffBackupJob(olds: BackupJobOutputs, news: BackupJobInputs): pulumi.dynamic.DiffResult {
  return diffByDefinition(BACKUP_JOB_FIELDS, comparable(olds), comparable(news));
}

function comparable(values: BackupJobInputs): Record<string, unknown> {
  const schedule = values.schedule;
  if (!schedule || containsUnknown(schedule)) return values;
  return { ...values, schedule: comparableSchedule(schedule) };
}

/**
 * The schedule with each window as its hours, an offset of 0 as none (what the server reports
 * for a job without one), and its members in one order, whichever order they were written in.
 */
function comparableSchedule(schedule: JobSchedule): Record<string, unknown> {
  const members: Record<string, unknown> = { ...schedule, backupWindow: hoursOf(schedule.backupWindow), periodicallyWindow: hoursOf(schedule.periodicallyWindow) };
  if (members.periodicallyOffsetMinutes === 0) delete members.periodicallyOffsetMinutes;
  const ordered = Object.keys(members).sort().filter((key) => members[key] !== undefined);
  return Object.fromEntries(ordered.map((key) => [key, members[key]]));
}

function hoursOf(window: JobWindow | undefined): Record<string, unknown> | undefined {
  if (!window) return undefined;
  return { hours: compileWindow(window.allowed).map((hour) => (hour ? 1 : 0)).join(""), minuteOffset: window.minuteOffset };
}
