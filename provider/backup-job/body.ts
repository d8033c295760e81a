import { type CarriedMembers, objectKey, type ResolvedObject } from "../common/object-lookup";
import type { BackupJobInputs, JobItem, JobSchedule } from "./types";

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
 * RESTEditBackupJob), in VB365's own names.
 */
export function jobBody(inputs: BackupJobInputs, resolution: JobResolution, purpose: "create" | "update"): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: inputs.name,
    backupType: inputs.backupType ?? "EntireOrganization",
    repositoryId: resolution.repositoryId,
    isEnabled: inputs.isEnabled ?? true,
  };
  if (inputs.description !== undefined) body.description = inputs.description;
  if (inputs.schedule) body.schedulePolicy = schedulePolicy(inputs.schedule);
  if (inputs.selectedItems?.length) body.selectedItems = inputs.selectedItems.map((item) => itemBody(item, resolution.items));
  if (inputs.excludedItems?.length) body.excludedItems = inputs.excludedItems.map((item) => itemBody(item, resolution.items));
  if (purpose === "create" && inputs.runNow !== undefined) body.runNow = inputs.runNow;
  return body;
}

/** RESTJobSchedulePolicy, in the members every version has (periodicallyWindowEnabled came in v7). */
function schedulePolicy(schedule: JobSchedule): Record<string, unknown> {
  const { type, dailyType, dailyTime, periodicallyEvery, retryEnabled, retryNumber, retryWaitInterval } = schedule;
  const policy: Record<string, unknown> = { scheduleEnabled: type !== "ManualOnly", type, backupWindowEnabled: false };
  if (type === "Daily") Object.assign(policy, { dailyType, dailyTime });
  if (type === "Periodically") policy.periodicallyEvery = periodicallyEvery;
  if (retryEnabled !== undefined) policy.retryEnabled = retryEnabled;
  if (retryNumber !== undefined) policy.retryNumber = retryNumber;
  if (retryWaitInterval !== undefined) policy.retryWaitInterval = retryWaitInterval;
  return policy;
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
