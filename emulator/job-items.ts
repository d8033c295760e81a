import { validation } from "./errors";
import { newId } from "./ids";
import type { Inventory } from "./inventory";

export const JOB_ITEM_TYPES = ["Group", "User", "Site", "PartialOrganization", "PersonalSites", "OneDriveFolders", "Team"] as const;
export type JobItemType = (typeof JOB_ITEM_TYPES)[number];

/** RESTJobItemComposed's members in SPEC6 (`chats` is v6 only); `_links` is read-only, so never taken from a body. */
export const JOB_ITEM_MEMBERS = [
  "type", "folders", "id", "mailbox", "oneDrive", "archiveMailbox", "sites", "teams", "teamsChats", "site", "team",
  "chats", "user", "personalSite", "group", "members", "memberMailbox", "memberArchiveMailbox", "memberOnedrive",
  "memberSite", "groupSite",
] as const;

/** A job item as bound from a body: its known members under their spec names, `type` canonical. */
export type SentJobItem = { type: JobItemType } & Record<string, unknown>;

/** A job item as stored: what was sent, its object completed from the inventory, and an id. */
export type StoredJobItem = { id: string; type: JobItemType } & Record<string, unknown>;

type ObjectMember = "user" | "group" | "site" | "team";

/**
 * The object each item type must name. Decided: OneDriveFolders names its user like a User item
 * (the folders are in that user's OneDrive); PartialOrganization and PersonalSites name none.
 */
const OBJECT_OF: Readonly<Record<JobItemType, ObjectMember | null>> = {
  User: "user",
  OneDriveFolders: "user",
  Group: "group",
  Site: "site",
  Team: "team",
  PartialOrganization: null,
  PersonalSites: null,
};

const NOUN: Readonly<Record<ObjectMember, string>> = { user: "User", group: "Group", site: "Site", team: "Team" };

/** The object's members a resolving server fills in (RESTJobSite and RESTTeam require them). */
function resolved(member: ObjectMember, id: string, inventory: Inventory): Record<string, unknown> | undefined {
  const same = (candidate: { id: string }) => candidate.id.toLowerCase() === id.toLowerCase();
  switch (member) {
    case "user": {
      const user = inventory.users.find(same);
      return user && { id: user.id, name: user.name, displayName: user.displayName };
    }
    case "group": {
      const group = inventory.groups.find(same);
      return group && { id: group.id, name: group.name, displayName: group.displayName };
    }
    case "site": {
      const site = inventory.sites.find(same);
      return site && { id: site.id, url: site.url, title: site.title, isCloud: true, isPersonal: site.isPersonal };
    }
    case "team": {
      const team = inventory.teams.find(same);
      return team && { id: team.id, displayName: team.displayName, mail: team.mail };
    }
  }
}

/** Renames members that match `names` case-insensitively to those names; other members stay as sent. */
export function canonicalMembers(value: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const canonical = new Map(names.map((name) => [name.toLowerCase(), name]));
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [canonical.get(key.toLowerCase()) ?? key, member]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Checks that every item names an object of the organization, as a real server resolves them, and
 * completes the objects from the inventory (members sent win). `where` is "selectedItems" or
 * "excludedItems", for the messages. Decided: an item keeps an id it was sent, else gets a new GUID.
 */
export function resolveJobItems(items: readonly SentJobItem[], where: string, organizationName: string, inventory: Inventory): StoredJobItem[] {
  return items.map((item, index) => {
    const id = typeof item.id === "string" && item.id !== "" ? item.id : newId();
    const member = OBJECT_OF[item.type];
    if (member === null) return { ...item, id };
    const sent = isRecord(item[member]) ? canonicalMembers(item[member], ["id", "name", "displayName", "url", "title", "isCloud", "isPersonal", "mail"]) : undefined;
    if (typeof sent?.id !== "string" || sent.id === "") {
      throw validation(`'${where}[${index}].${member}.id' is required for an item of type ${item.type}.`);
    }
    const found = resolved(member, sent.id, inventory);
    if (!found) {
      throw validation(`${NOUN[member]} with ID '${sent.id}' in '${where}[${index}]' was not found in the organization '${organizationName}'.`);
    }
    return { ...item, id, [member]: { ...found, ...sent } };
  });
}
