import { json, type Reply } from "../http";
import type { Inventory, InventoryGroup, InventorySite, InventoryTeam, InventoryUser } from "../inventory";
import { page, pageRequest } from "./paging";
import { pathId, queryBool, queryString } from "./params";
import type { RouteContext, RouteDefinition, RouteKind } from "./types";

// GET /vN/Organizations/{organizationId}/Users|Groups|Sites|Teams: pages in every version
// (PageOfRESTUser etc. in SPEC6/7/8). Decided: every object is a cloud object, and setId,
// locationFilter, dataSource, detectedSkuType, parentId, filter and includeSearchSites are
// accepted and ignored (no cache of earlier requests, no hybrid organizations, no subsites).

/**
 * Decided: a text filter matches the whole value case-insensitively; `*` and `?` are wildcards
 * (SPEC8's displayName description), so "alex*" finds "Alex Wilber".
 */
export function matchesFilter(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) return true;
  if (!/[*?]/.test(pattern)) return pattern.toLowerCase() === value.toLowerCase();
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "is").test(value);
}

const links = (base: string, segment: string, id: string) => ({ self: { href: `${base}/${segment}/${id}` } });

// RESTUser, RESTGroup, RESTSite and RESTTeam: these members are in all three versions.
const userView = (user: InventoryUser, base: string) => ({
  id: user.id,
  displayName: user.displayName,
  name: user.name,
  type: "User",
  locationType: "Cloud",
  _links: links(base, "Users", user.id),
});

const groupView = (group: InventoryGroup, base: string) => ({
  id: group.id,
  displayName: group.displayName,
  name: group.name,
  type: "Office365",
  locationType: "Cloud",
  _links: links(base, "Groups", group.id),
});

const siteView = (site: InventorySite, base: string) => ({
  id: site.id,
  url: site.url,
  name: site.title,
  isCloud: true,
  isPersonal: site.isPersonal,
  title: site.title,
  isAvailable: true,
  _links: links(base, "Sites", site.id),
});

const teamView = (team: InventoryTeam, base: string) => ({
  id: team.id,
  displayName: team.displayName,
  mail: team.mail,
  _links: links(base, "Teams", team.id),
});

interface Listing<T> {
  segment: string;
  kind: RouteKind;
  /** Text filters: query name → the member it matches. */
  filters: Readonly<Record<string, (item: T) => string>>;
  /** Other query parameters that `items` reads, repeated in the page's links with the filters. */
  options?: readonly string[];
  items(inventory: Inventory, context: RouteContext): readonly T[];
  view(item: T, base: string): Record<string, unknown>;
}

function listing<T>(definition: Listing<T>): RouteDefinition {
  const handle = (context: RouteContext): Reply => {
    const organizationId = pathId(context, "organizationId");
    const inventory = context.store.inventory(organizationId);
    const request = pageRequest(context.query, context.store.settings());
    const given: Record<string, string> = {};
    for (const name of Object.keys(definition.filters)) {
      const value = queryString(context.query, name);
      if (value !== undefined) given[name] = value;
    }
    const kept = definition.items(inventory, context).filter((item) =>
      Object.entries(given).every(([name, pattern]) => matchesFilter(pattern, definition.filters[name]!(item))),
    );
    const repeated = { ...given };
    for (const name of definition.options ?? []) {
      const value = queryString(context.query, name);
      if (value !== undefined) repeated[name] = value;
    }
    const base = `/${context.version}/Organizations/${organizationId}`;
    const path = `${base}/${definition.segment}`;
    return json(200, page(kept.map((item) => definition.view(item, base)), request, path, repeated));
  };
  return { method: "GET", path: `/Organizations/{organizationId}/${definition.segment}`, versions: ["v6", "v7", "v8"], kind: definition.kind, handle };
}

export const inventoryRoutes: RouteDefinition[] = [
  listing<InventoryUser>({
    segment: "Users",
    kind: "organizations.users",
    filters: { userName: (user) => user.name, displayName: (user) => user.displayName },
    items: (inventory) => inventory.users,
    view: userView,
  }),
  listing<InventoryGroup>({
    segment: "Groups",
    kind: "organizations.groups",
    filters: { displayName: (group) => group.displayName, groupName: (group) => group.name },
    items: (inventory) => inventory.groups,
    view: groupView,
  }),
  listing<InventorySite>({
    segment: "Sites",
    kind: "organizations.sites",
    filters: {},
    options: ["includePersonalSites"],
    // SPEC8: "The default value is false" for includePersonalSites.
    items: (inventory, context) => (queryBool(context.query, "includePersonalSites", false) ? inventory.sites : inventory.sites.filter((site) => !site.isPersonal)),
    view: siteView,
  }),
  listing<InventoryTeam>({
    segment: "Teams",
    kind: "organizations.teams",
    filters: { displayName: (team) => team.displayName },
    items: (inventory) => inventory.teams,
    view: teamView,
  }),
];
