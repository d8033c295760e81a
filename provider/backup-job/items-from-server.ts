import { BACKUP_JOB_FIELDS, itemKeys } from "./definition";
import type { JobItem } from "./types";
import type { RemoteJobItem } from "../client/jobs";
import { namedObject } from "../common/object-lookup";

const TYPES = ["PartialOrganization", "User", "Group", "Site", "Team", "PersonalSites"] as const;

export interface ItemsFromServer {
  items: JobItem[];
  /** The items a declaration cannot name, each said as a phrase. */
  leftOut: string[];
}

/**
 * A job's items (RESTJobItemComposed) as a declaration names them (a Vb365BackupJob, the tenants
 * file's jobs, an import): users by UPN, groups and Teams by name, sites by URL (what the provider
 * looks them up by), with the toggles that are on.
 * A toggle left out is off to the provider as well. Each item is checked by the definition's own
 * schema; OneDriveFolders, and anything the schema refuses, is left out and named.
 */
export function itemsFromServer(remote: readonly RemoteJobItem[]): ItemsFromServer {
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
    const object = namedObject(type, item);
    if (object) written[object.member] = object.name;
    for (const key of itemKeys(type)) {
      if (key !== "type" && key !== object?.member && item[key] === true) written[key] = true;
    }
    if (schema.safeParse([written]).success) items.push(written as JobItem);
    else leftOut.push(`the ${type} item ${JSON.stringify(written[object?.member ?? "type"] ?? "without a name")}`);
  }
  return { items, leftOut };
}
