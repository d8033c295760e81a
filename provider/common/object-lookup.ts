import type { JobsApi, ObjectKind } from "../client/jobs";
import type { RemoteOrganizationObject } from "../client/job-schemas";
/** What names an object of the organization: an item of a job or of a role, or a role's operator. */
export type ObjectReference = { type: string; user?: string; group?: string; site?: string; team?: string };

/** An object of the organization as its listing gave it, without links: what an item carries of it. */
export type ResolvedObject = Record<string, unknown> & { id: string };

/** The object an item names, as the key resolvedItems records it under: `user:alex@contoso…`. */
export function objectKey(item: ObjectReference): string | undefined {
  if (item.user !== undefined) return `user:${item.user.toLowerCase()}`;
  if (item.group !== undefined) return `group:${item.group.toLowerCase()}`;
  if (item.site !== undefined) return `site:${withoutTrailingSlash(item.site).toLowerCase()}`;
  if (item.team !== undefined) return `team:${item.team.toLowerCase()}`;
  return undefined;
}

/**
 * Per type of item, the member that holds its object (a job's or role's item as the server lists
 * it) and what names that object in a declaration: a user's UPN, a group's or team's name, a
 * site's URL, what the lookup finds it by again.
 */
const NAMED_OBJECTS: Readonly<Record<string, { member: ObjectKind; name: (object: Record<string, unknown>) => unknown }>> = {
  User: { member: "user", name: (object) => object.name },
  Group: { member: "group", name: (object) => object.displayName ?? object.name },
  Site: { member: "site", name: (object) => object.url },
  Team: { member: "team", name: (object) => object.displayName ?? object.name },
};

/** The member and name of the object a listed item of `type` carries; undefined for a type that names none. */
export function namedObject(type: string, item: Readonly<Record<string, unknown>>): { member: ObjectKind; name: unknown } | undefined {
  const known = NAMED_OBJECTS[type];
  if (!known) return undefined;
  const value = item[known.member];
  return { member: known.member, name: value !== null && typeof value === "object" ? known.name(value as Record<string, unknown>) : undefined };
}

/** Thrown when a reference names nothing in the organization: the create or update makes no request after it. */
export class UnknownItemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnknownItemError";
  }
}

/**
 * Every object the items name, looked up in the organization: one filtered listing per user,
 * group and team, and one listing of the sites (the spec filters sites by nothing a URL can
 * match). `known` holds objects resolved before, which are not asked for again.
 */
export async function resolveItems(
  api: JobsApi,
  organizationId: string,
  lists: Array<{ property: string; items: readonly ObjectReference[] }>,
  carriedMembers: CarriedMembers,
  known: Readonly<Record<string, ResolvedObject>> = {},
): Promise<Record<string, ResolvedObject>> {
  const resolved: Record<string, ResolvedObject> = {};
  let sites: RemoteOrganizationObject[] | undefined;
  for (const { property, items } of lists) {
    for (const [index, item] of items.entries()) {
      const key = objectKey(item);
      if (!key || resolved[key]) continue;
      if (known[key]) {
        resolved[key] = known[key];
        continue;
      }
      const [kind, name] = [key.slice(0, key.indexOf(":")) as ObjectKind, key.slice(key.indexOf(":") + 1)];
      let match: RemoteOrganizationObject | undefined;
      if (kind === "site") {
        sites ??= await api.listObjects(organizationId, "site", { includePersonalSites: "true" });
        match = sites.find((site) => withoutTrailingSlash(site.url ?? "").toLowerCase() === name);
      } else {
        const candidates = await api.listObjects(organizationId, kind, FILTERS[kind](name));
        match = candidates.find((candidate) => namesOf(kind, candidate).includes(name));
      }
      if (!match) throw new UnknownItemError(`${property}[${index}]: the organization ${organizationId} has no ${kind} ${displayed(item)}; nothing was created or changed. ${HINTS[kind]}`);
      resolved[key] = carried(carriedMembers[kind], match);
    }
  }
  return resolved;
}

/** Per kind, the members of a listed object a request carries besides its id (the schemas differ per use). */
export type CarriedMembers = Readonly<Record<ObjectKind, readonly string[]>>;

function carried(members: readonly string[], object: RemoteOrganizationObject): ResolvedObject {
  const result: ResolvedObject = { id: object.id };
  for (const member of members) if (object[member] !== undefined && object[member] !== null) result[member] = object[member];
  return result;
}

const FILTERS: Record<Exclude<ObjectKind, "site">, (name: string) => Record<string, string>> = {
  user: (name) => ({ userName: name }),
  group: (name) => ({ displayName: name }),
  team: (name) => ({ displayName: name }),
};

const HINTS: Record<ObjectKind, string> = {
  user: "Give the user's sign-in name (UPN) as the organization lists it, e.g. alex@contoso.onmicrosoft.com.",
  group: "Give the group's display name as the organization lists it.",
  site: "Give the site's full URL, e.g. https://contoso.sharepoint.com/sites/Sales.",
  team: "Give the team's display name as the organization lists it.",
};

function namesOf(kind: ObjectKind, object: RemoteOrganizationObject): string[] {
  const names = kind === "user" ? [object.name] : [object.displayName, object.name];
  return names.filter((name): name is string => typeof name === "string").map((name) => name.toLowerCase());
}

function displayed(item: ObjectReference): string {
  return item.user ?? item.group ?? item.site ?? item.team ?? item.type;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
