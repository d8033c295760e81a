import { validation } from "./errors";
import type { Inventory } from "./inventory";
import type { RoleItemType, StoredRoleItem } from "./model";

/** An operator or item as bound from a body: its type and the id of the object it names, if any. */
export interface SentRoleItem {
  type: RoleItemType;
  objectId: string | undefined;
}

/** The member of RESTRbacItemComposed/RESTRbacOperator that carries each type's object. */
export const ROLE_ITEM_MEMBER: Readonly<Record<RoleItemType, "user" | "group" | "site" | "team">> = {
  User: "user",
  Group: "group",
  Site: "site",
  Team: "team",
};

/**
 * The object `id` names, in the members the RBAC schemas require. Decided: the inventory's values
 * win over any sent with the item (a server stores a reference to the Microsoft 365 object, not the
 * caller's copy of it), and a team's `description`, which RESTRbacTeam requires and the inventory
 * does not hold, is empty.
 */
function resolved(type: RoleItemType, id: string, inventory: Inventory): StoredRoleItem | undefined {
  const same = (candidate: { id: string }) => candidate.id.toLowerCase() === id.toLowerCase();
  switch (type) {
    case "User": {
      const user = inventory.users.find(same);
      return user && { id: user.id, type, user: { id: user.id, displayName: user.displayName, name: user.name, type: "User" } };
    }
    case "Group": {
      const group = inventory.groups.find(same);
      return group && { id: group.id, type, group: { id: group.id, displayName: group.displayName, name: group.name, type: "Office365" } };
    }
    case "Site": {
      const site = inventory.sites.find(same);
      return site && { id: site.id, type, site: { id: site.id, url: site.url, title: site.title, isCloud: true, isPersonal: site.isPersonal } };
    }
    case "Team": {
      const team = inventory.teams.find(same);
      return team && { id: team.id, type, team: { id: team.id, description: "", displayName: team.displayName, mail: team.mail } };
    }
  }
}

/**
 * Checks that every item names an object of the organization, as a server resolves them, with the
 * wording of job items; `where` is "operators", "selectedItems" or "excludedItems". Decided: an
 * object listed twice is kept once, in its first place.
 */
export function resolveRoleItems(items: readonly SentRoleItem[], where: string, organizationName: string, inventory: Inventory): StoredRoleItem[] {
  const result: StoredRoleItem[] = [];
  items.forEach((item, index) => {
    const member = ROLE_ITEM_MEMBER[item.type];
    if (item.objectId === undefined) throw validation(`'${where}[${index}].${member}.id' is required for an item of type ${item.type}.`);
    const found = resolved(item.type, item.objectId, inventory);
    if (!found) {
      throw validation(`${item.type} with ID '${item.objectId}' in '${where}[${index}]' was not found in the organization '${organizationName}'.`);
    }
    if (!result.some((kept) => kept.id === found.id)) result.push(found);
  });
  return result;
}

/** `added` joined to `current`: an object already listed keeps its place. */
export function withItems(current: readonly StoredRoleItem[], added: readonly StoredRoleItem[]): StoredRoleItem[] {
  return [...current, ...added.filter((item) => !current.some((kept) => kept.id === item.id))];
}
