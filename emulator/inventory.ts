import { z } from "zod";
import { nameBasedId } from "./ids";

// The Microsoft 365 objects of an organization (its users, groups, sites and teams), which a real
// server reads from the tenant and the emulator holds per organization: listed by
// /Organizations/{id}/Users|Groups|Sites|Teams and resolved when a job names them.

export interface InventoryUser {
  id: string;
  /** The user principal name, e.g. alex@contoso.onmicrosoft.com (RESTUser.name; the `userName` filter). */
  name: string;
  displayName: string;
}

export interface InventoryGroup {
  id: string;
  /** Decided: the group's mail address, as a user's name is theirs (the spec only says "name"). */
  name: string;
  displayName: string;
}

export interface InventorySite {
  id: string;
  url: string;
  title: string;
  isPersonal: boolean;
}

export interface InventoryTeam {
  id: string;
  displayName: string;
  mail: string;
}

export interface Inventory {
  users: InventoryUser[];
  groups: InventoryGroup[];
  sites: InventorySite[];
  teams: InventoryTeam[];
}

/** What `setInventory` takes: each kind given replaces that kind; ids are assigned. */
export interface InventoryInput {
  users?: Array<Omit<InventoryUser, "id">>;
  groups?: Array<Omit<InventoryGroup, "id">>;
  sites?: Array<{ url: string; title: string; isPersonal?: boolean }>;
  teams?: Array<Omit<InventoryTeam, "id">>;
}

const text = () => z.string().trim().min(1);

/** Each kind's key must be unique (case-insensitively), since the id is derived from it. */
function unique<T>(key: (item: T) => string, what: string) {
  return (items: T[], context: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item).toLowerCase();
      if (seen.has(value)) context.addIssue({ code: "custom", path: [index], message: `${what} '${key(item)}' is listed twice` });
      seen.add(value);
    });
  };
}

export function inventoryInputSchema() {
  return z
    .object({
      users: z.array(z.object({ name: text(), displayName: text() }).strict()).superRefine(unique((user) => user.name, "the user name")),
      groups: z.array(z.object({ name: text(), displayName: text() }).strict()).superRefine(unique((group) => group.name, "the group name")),
      sites: z
        .array(z.object({ url: z.url(), title: text(), isPersonal: z.boolean().optional() }).strict())
        .superRefine(unique((site) => site.url, "the site URL")),
      teams: z.array(z.object({ displayName: text(), mail: text() }).strict()).superRefine(unique((team) => team.mail, "the team mail")),
    })
    .partial()
    .strict();
}

/**
 * Decided: ids are name-based UUIDs of the organization name, the kind and the object's key
 * (user or group name, site URL, team mail), so a re-added organization, or an object set again,
 * keeps its id, as a Microsoft 365 object keeps its id in the tenant.
 */
function objectId(organizationName: string, kind: string, key: string): string {
  return nameBasedId(`vb365-emulator:${organizationName.toLowerCase()}:${kind}:${key.toLowerCase()}`);
}

/** `input`'s kinds replace those of `current`; the kinds it leaves out are kept. */
export function withInventory(organizationName: string, current: Inventory, input: InventoryInput): Inventory {
  const id = (kind: string, key: string) => objectId(organizationName, kind, key);
  return {
    users: input.users?.map((user) => ({ id: id("user", user.name), name: user.name, displayName: user.displayName })) ?? current.users,
    groups: input.groups?.map((group) => ({ id: id("group", group.name), name: group.name, displayName: group.displayName })) ?? current.groups,
    sites: input.sites?.map((site) => ({ id: id("site", site.url), url: site.url, title: site.title, isPersonal: site.isPersonal ?? false })) ?? current.sites,
    teams: input.teams?.map((team) => ({ id: id("team", team.mail), displayName: team.displayName, mail: team.mail })) ?? current.teams,
  };
}

export const EMPTY_INVENTORY: Inventory = { users: [], groups: [], sites: [], teams: [] };

/**
 * What a new organization holds, from its name (`<t>` is the part before the first dot): three
 * users, two groups, the root and a Sales site, one personal site per user (OneDrive's URL
 * scheme: the user name with "@" and "." as "_"), and two teams.
 */
export function seedInventory(organizationName: string): Inventory {
  const name = organizationName;
  const tenant = name.split(".")[0]!;
  const users = [
    { name: `admin@${name}`, displayName: "Admin" },
    { name: `alex@${name}`, displayName: "Alex Wilber" },
    { name: `megan@${name}`, displayName: "Megan Bowen" },
  ];
  const personal = users.map((user) => ({
    url: `https://${tenant}-my.sharepoint.com/personal/${user.name.replace(/[@.]/g, "_")}`,
    title: user.displayName,
    isPersonal: true,
  }));
  return withInventory(name, EMPTY_INVENTORY, {
    users,
    groups: [
      { name: `allcompany@${name}`, displayName: "All Company" },
      { name: `sales@${name}`, displayName: "Sales" },
    ],
    sites: [
      { url: `https://${tenant}.sharepoint.com`, title: "Communication site" },
      { url: `https://${tenant}.sharepoint.com/sites/Sales`, title: "Sales" },
      ...personal,
    ],
    teams: [
      { displayName: "Sales", mail: `sales@${name}` },
      { displayName: "Engineering", mail: `engineering@${name}` },
    ],
  });
}
