import { BACKUP_JOB_FIELDS, itemKeys } from "../../../provider/backup-job/definition";
import type { JobItem } from "../../../provider/backup-job/types";
import type { RemoteJobItem } from "../../../provider/client/jobs";

/** Per item type, the member that holds its object and what names the object in the tenants file. */
const OBJECTS: Readonly<Record<string, { member: "user" | "group" | "site" | "team"; name: (object: Record<string, unknown>) => unknown }>> = {
  User: { member: "user", name: (object) => object.name },
  Group: { member: "group", name: (object) => object.displayName ?? object.name },
  Site: { member: "site", name: (object) => object.url },
  Team: { member: "team", name: (object) => object.displayName ?? object.name },
};

const TYPES = ["PartialOrganization", "User", "Group", "Site", "Team", "PersonalSites"] as const;

export interface ItemsExport {
  items: JobItem[];
  /** The items that have no form in the tenants file, each said as a phrase. */
  leftOut: string[];
}

/**
 * A job's items (RESTJobItemComposed) as the tenants file names them: users by UPN, groups and
 * Teams by name, sites by URL (what the provider looks them up by), with the toggles that are on.
 * A toggle left out is off to the provider as well. Each item is checked by the definition's own
 * schema; OneDriveFolders, and anything the schema refuses, is left out and named.
 */
export function exportedItems(remote: readonly RemoteJobItem[]): ItemsExport {
  const items: JobItem[] = [];
  const leftOut: string[] = [];
  const schema = BACKUP_JOB_FIELDS.selectedItems.schema();
  for (const item of remote) {
    const type = TYPES.find((candidate) => candidate.toLowerCase() === item.type.toLowerCase());
    if (!type) {
      const user = item.user !== null && typeof item.user === "object" ? (item.user as Record<string, unknown>).name : undefined;
      leftOut.push(item.type === "OneDriveFolders" && typeof user === "string" ? `the OneDrive folders of ${user}` : `an item of type ${item.type}`);
      continue;
    }
    const written: Record<string, unknown> = { type };
    const object = OBJECTS[type];
    if (object) {
      const value = item[object.member];
      written[object.member] = value !== null && typeof value === "object" ? object.name(value as Record<string, unknown>) : undefined;
    }
    for (const key of itemKeys(type)) {
      if (key !== "type" && key !== object?.member && item[key] === true) written[key] = true;
    }
    if (schema.safeParse([written]).success) items.push(written as JobItem);
    else leftOut.push(`the ${type} item ${JSON.stringify(written[object?.member ?? "type"] ?? "without a name")}`);
  }
  return { items, leftOut };
}
