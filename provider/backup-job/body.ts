import type { ApiVersion } from "../client";
import { type CarriedMembers, objectKey, type ResolvedObject } from "../common/object-lookup";
import type { BackupJobInputs, JobItem, JobSchedule, JobWindow } from "./types";
import { compileWindow } from "./window";

/**
 * What a job's items carry of their objects: the members RESTUser, RESTGroup, RESTTeam and
 * RESTJobSite have in every version (a job's site is RESTJobSite, which has no isAvailable,
 * unlike a listed RESTSite).
 */
export const JOB_ITEM_MEMBERS: CarriedMembers = {
  user: ["displayName", "name", "type", "locationType"],
  group: ["displayName", "name", "managedBy", "site", "type", "locationType"],
  site: ["url", "parentUrl", "name", "isCloud", "isPersonal", "title"],
  team: ["displayName", "description", "mail"],
};

/** What a job's body needs besides its inputs: the repository and the objects' ids, resolved. */
export interface JobResolution {
  repositoryId: string;
  items: Readonly<Record<string, ResolvedObject>>;
}

/**
 * The body of POST /Jobs (v8, RESTCreateBackupJob; organizationId added by the client),
 * POST /Organizations/{id}/Jobs (v6/v7, RESTJob) or PUT /Jobs/{id} (RESTJob, v8
 * RESTEditBackupJob), in VB365's own names and in the members of `apiVersion`.
 */
export function jobBody(inputs: BackupJobInputs, resolution: JobResolution, purpose: "create" | "update", apiVersion: ApiVersion): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: inputs.name,
    backupType: inputs.backupType ?? "EntireOrganization",
    repositoryId: resolution.repositoryId,
    isEnabled: inputs.isEnabled ?? true,
  };
  if (inputs.description !== undefined) body.description = inputs.description;
  if (inputs.schedule) body.schedulePolicy = schedulePolicy(inputs.schedule, apiVersion);
  if (inputs.selectedItems?.length) body.selectedItems = inputs.selectedItems.map((item) => itemBody(item, resolution.items));
  if (inputs.excludedItems?.length) body.excludedItems = inputs.excludedItems.map((item) => itemBody(item, resolution.items));
  if (purpose === "create" && inputs.runNow !== undefined) body.runNow = inputs.runNow;
  return body;
}

/**
 * RESTJobSchedulePolicy. A window left out is sent switched off, so that `up` also takes back one
 * added in the console. v6 has periodicallyWindowSettings but no periodicallyWindowEnabled, so
 * there the settings go alone (and a window cannot be switched off by a flag).
 */
function schedulePolicy(schedule: JobSchedule, apiVersion: ApiVersion): Record<string, unknown> {
  const { type, dailyType, dailyTime, periodicallyEvery, retryEnabled, retryNumber, retryWaitInterval, backupWindow, periodicallyWindow, periodicallyOffsetMinutes } = schedule;
  const policy: Record<string, unknown> = { scheduleEnabled: type !== "ManualOnly", type, backupWindowEnabled: backupWindow !== undefined };
  if (backupWindow) policy.backupWindowSettings = windowSettings(backupWindow);
  if (type === "Daily") Object.assign(policy, { dailyType, dailyTime });
  if (type === "Periodically") {
    policy.periodicallyEvery = periodicallyEvery;
    if (apiVersion !== "v6") policy.periodicallyWindowEnabled = periodicallyWindow !== undefined;
    if (periodicallyWindow) policy.periodicallyWindowSettings = windowSettings(periodicallyWindow);
    if (periodicallyOffsetMinutes !== undefined) policy.periodicallyOffsetMinutes = periodicallyOffsetMinutes;
  }
  if (retryEnabled !== undefined) policy.retryEnabled = retryEnabled;
  if (retryNumber !== undefined) policy.retryNumber = retryNumber;
  if (retryWaitInterval !== undefined) policy.retryWaitInterval = retryWaitInterval;
  return policy;
}

/** RESTBackupWindowSettings; minuteOffset only when declared, so the server keeps its own otherwise. */
function windowSettings(window: JobWindow): Record<string, unknown> {
  const settings: Record<string, unknown> = { backupWindow: compileWindow(window.allowed) };
  if (window.minuteOffset !== undefined) settings.minuteOffset = window.minuteOffset;
  return settings;
}

/**
 * RESTJobItemComposed: the object as the organization listed it (the specs require a site's
 * title and flags, a team's mail), and the toggles as declared.
 */
function itemBody(item: JobItem, objects: Readonly<Record<string, ResolvedObject>>): Record<string, unknown> {
  const key = objectKey(item);
  const object = key ? objects[key] : undefined;
  switch (item.type) {
    case "User": {
      const { user, ...toggles } = item;
      return { ...toggles, user: object ?? { name: user } };
    }
    case "Group": {
      const { group, ...toggles } = item;
      return { ...toggles, group: object ?? { displayName: group } };
    }
    case "Site":
      return { type: "Site", site: object ?? { url: item.site } };
    case "Team": {
      const { team, ...toggles } = item;
      return { ...toggles, team: object ?? { displayName: team } };
    }
    default:
      return { ...item };
  }
}
