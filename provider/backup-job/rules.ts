import type * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../client";
import { containsUnknown, isUnknown } from "../common/check";
import type { BackupJobInputs, JobWindow } from "./types";
import { compileWindow } from "./window";

type Failure = pulumi.dynamic.CheckFailure;

/** What spans the job's fields, checked at preview so that the server never has to refuse it. */
export function checkJobRules(inputs: BackupJobInputs, apiVersion: ApiVersion | undefined): Failure[] {
  const failures: Failure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  if (!inputs.organizationId) fail("organizationId", "organizationId is required: the organizationId of the Vb365Organization the job protects.");
  const repositories = [inputs.repositoryId, inputs.repositoryName].filter((value) => value !== undefined).length;
  if (repositories === 0) fail("repositoryName", "Name the backup repository: repositoryName (e.g. \"Default Backup Repository\") or repositoryId.");
  if (repositories === 2) fail("repositoryName", "Give repositoryName or repositoryId, not both.");
  const selected = inputs.selectedItems;
  if (inputs.backupType === "SelectedItems" && !isUnknown(selected) && (!selected || selected.length === 0)) {
    fail("selectedItems", "backupType SelectedItems needs at least one item in selectedItems (e.g. { type: \"User\", user: \"alex@contoso.onmicrosoft.com\" }).");
  }
  if (inputs.backupType === "EntireOrganization" && selected && selected.length > 0) {
    fail("selectedItems", "selectedItems is for backupType SelectedItems; with EntireOrganization, leave it out (excludedItems may still leave parts out).");
  }
  const schedule = inputs.schedule;
  if (schedule && !isUnknown(schedule)) {
    if (schedule.type === "Periodically" && !schedule.periodicallyEvery) fail("schedule.periodicallyEvery", "schedule.periodicallyEvery is required with type Periodically: Minutes5, Minutes10, Minutes15, Minutes30, Hours1, Hours2, Hours4, Hours8 or Hours12.");
    if (schedule.periodicallyEvery === "Hours12" && apiVersion !== undefined && apiVersion !== "v8") {
      fail("schedule.periodicallyEvery", `Hours12 is available from VB365 REST API v8 on; this connection uses ${apiVersion}: use Hours8 or less.`);
    }
    if (schedule.type !== "Daily" && (schedule.dailyTime !== undefined || schedule.dailyType !== undefined)) fail("schedule.dailyTime", `dailyTime and dailyType are for type Daily, not ${schedule.type}.`);
    if (schedule.type !== "Periodically" && schedule.periodicallyEvery !== undefined) fail("schedule.periodicallyEvery", `periodicallyEvery is for type Periodically, not ${schedule.type}.`);
    // Decided: the window bounds scheduled runs (PS Set-VBOJobSchedulePolicy: "the job run will be
    // terminated if it exceeds the allowed backup window"); a manual job has none to bound.
    if (schedule.type === "ManualOnly" && schedule.backupWindow !== undefined) fail("schedule.backupWindow", "backupWindow is for a job that runs on a schedule (type Daily or Periodically), not ManualOnly.");
    if (schedule.type !== "Periodically" && schedule.periodicallyWindow !== undefined) fail("schedule.periodicallyWindow", `periodicallyWindow is for type Periodically, not ${schedule.type}; backupWindow limits the hours of any scheduled job.`);
    // RESTJobSchedulePolicy: "Use this property only with the periodicallyEvery property and the time interval specified in hours."
    const offsetWith = schedule.type !== "Periodically" ? schedule.type : schedule.periodicallyEvery?.startsWith("Minutes") ? schedule.periodicallyEvery : undefined;
    if (schedule.periodicallyOffsetMinutes !== undefined && offsetWith) fail("schedule.periodicallyOffsetMinutes", `periodicallyOffsetMinutes is for type Periodically with an Hours period (Hours1 … Hours12), not ${offsetWith}.`);
    for (const name of ["backupWindow", "periodicallyWindow"] as const) {
      const window = schedule[name];
      if (window && allowsEveryHour(window)) fail(`schedule.${name}.allowed`, `schedule.${name}.allowed allows every hour of the week, which is no window at all: leave schedule.${name} out.`);
    }
  }
  return failures;
}

/** A window whose spans are still unknown at preview is judged once they are known. */
function allowsEveryHour(window: JobWindow): boolean {
  return !containsUnknown(window) && compileWindow(window.allowed).every(Boolean);
}

/** The schedule with the defaults of its type: daily at 22:00 every day, retries as VB365's own. */
export function scheduleWithDefaults(schedule: NonNullable<BackupJobInputs["schedule"]>): NonNullable<BackupJobInputs["schedule"]> {
  const retries = { retryEnabled: schedule.retryEnabled ?? true, retryNumber: schedule.retryNumber ?? 3, retryWaitInterval: schedule.retryWaitInterval ?? 10 };
  if (schedule.type === "Daily") return { ...schedule, dailyType: schedule.dailyType ?? "Everyday", dailyTime: schedule.dailyTime ?? "22:00:00", ...retries };
  return { ...schedule, ...retries };
}
