import { z } from "zod";
import { bind, ciEnum, ciObject, guid, netBool } from "../binding";
import { canonicalMembers, JOB_ITEM_MEMBERS, JOB_ITEM_TYPES, type SentJobItem } from "../job-items";
import { BACKUP_TYPES } from "../model";
import type { ApiVersion } from "../versions";

/** periodicallyEvery gained Hours12 in v8 (SPEC8 vs SPEC6/7). */
const PERIODS_V6 = ["Minutes5", "Minutes10", "Minutes15", "Minutes30", "Hours1", "Hours2", "Hours4", "Hours8"] as const;
const PERIODS_V8 = [...PERIODS_V6, "Hours12"] as const;
const DAILY_TYPES = ["Everyday", "Workdays", "Weekends", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** RESTBackupWindowSettings: 168 hourly booleans, a week starting on Sunday (SPEC7/8). */
const backupWindowSettings = ciObject({
  backupWindow: z
    .array(netBool())
    .superRefine((hours, context) => {
      // Without the input, so that the message gives the count rather than the whole array back.
      if (hours.length !== 168) context.addIssue({ code: "custom", message: `expected 168 booleans, one per hour of the week starting on Sunday 00:00, not ${hours.length}`, input: undefined });
    })
    .nullish(),
  minuteOffset: z.number().int().nullish(),
});

/** RESTJobSchedulePolicy; periodicallyWindowEnabled arrived in v7. */
function schedulePolicy(version: ApiVersion) {
  const shape = {
    scheduleEnabled: netBool().nullish(),
    backupWindowEnabled: netBool().nullish(),
    backupWindowSettings: backupWindowSettings.nullish(),
    periodicallyWindowSettings: backupWindowSettings.nullish(),
    periodicallyOffsetMinutes: z.number().int().nullish(),
    type: ciEnum(["Periodically", "Daily", "ManualOnly"] as const).nullish(),
    periodicallyEvery: (version === "v8" ? ciEnum(PERIODS_V8) : ciEnum(PERIODS_V6)).nullish(),
    dailyType: ciEnum(DAILY_TYPES).nullish(),
    dailyTime: z.string().nullish(),
    retryEnabled: netBool().nullish(),
    // PS new-vbojobschedulepolicy.md: RetryWaitInterval 1–999.
    retryNumber: z.number().int().min(0).nullish(),
    retryWaitInterval: z.number().int().min(1).max(999).nullish(),
  };
  return version === "v6" ? ciObject(shape) : ciObject({ ...shape, periodicallyWindowEnabled: netBool().nullish() });
}

/** Only `type` is bound here; the store resolves the item's object against the organization's inventory. */
const jobItem = ciObject({ type: ciEnum(JOB_ITEM_TYPES) });

function jobFields(version: ApiVersion) {
  return {
    name: z.string().nullish(),
    description: z.string().nullish(),
    backupType: ciEnum(BACKUP_TYPES),
    runNow: netBool().nullish(),
    isEnabled: netBool().nullish(),
    repositoryId: guid(),
    schedulePolicy: schedulePolicy(version).nullish(),
    selectedItems: z.array(z.unknown()).nullish(),
    excludedItems: z.array(z.unknown()).nullish(),
  };
}

/**
 * The job body: RESTJob in v6/v7 (POST /Organizations/{id}/Jobs), RESTCreateBackupJob in v8
 * (POST /Jobs, organizationId required). backupType and repositoryId are required in every version
 * (SPEC8 requires them; a v6/v7 job cannot exist without them either).
 */
export function jobBody(version: ApiVersion) {
  // v6/v7 take the organization from the path and ignore a body organizationId.
  return ciObject({ ...jobFields(version), organizationId: version === "v8" ? guid() : z.unknown().optional().transform(() => undefined) });
}

/**
 * PUT /Jobs/{jobId}: RESTJob in v6/v7, RESTEditBackupJob in v8, every member optional as the specs
 * say; under `putSemantics: "replace"` backupType and repositoryId are required as on create,
 * since nothing of the stored job is kept. The organization cannot change (neither schema has it).
 */
export function jobEditBody(version: ApiVersion, replace: boolean) {
  const fields = jobFields(version);
  if (replace) return ciObject(fields);
  return ciObject({ ...fields, backupType: fields.backupType.nullish(), repositoryId: fields.repositoryId.nullish() });
}

/** Checks each item's `type` and keeps its known members under their spec names (.NET drops the rest). */
export function bindJobItems(items: readonly unknown[] | null | undefined, where: string): SentJobItem[] {
  return (items ?? []).map((item, index) => {
    const { type } = bind(jobItem, item, `'${where}[${index}]'`);
    const members = canonicalMembers(item as Record<string, unknown>, JOB_ITEM_MEMBERS);
    const known = Object.entries(members).filter(([key]) => (JOB_ITEM_MEMBERS as readonly string[]).includes(key));
    return { ...Object.fromEntries(known), type };
  });
}

/** Drops absent and null members, so the stored policy echoes back with spec-valid types only. */
export function compact(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || member === null) continue;
    result[key] = member !== null && typeof member === "object" && !Array.isArray(member) ? compact(member as Record<string, unknown>) : member;
  }
  return result;
}
