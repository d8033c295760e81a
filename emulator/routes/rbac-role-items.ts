import { validation } from "../errors";
import { empty, json, parseJsonBody, type Reply } from "../http";
import type { StoredRoleItem } from "../model";
import type { RoleList } from "../role-store";
import type { ApiVersion } from "../versions";
import { bindItemArray } from "./rbac-role-body";
import { pathId, queryString } from "./params";
import type { RouteContext, RouteDefinition, RouteKind } from "./types";

/**
 * RESTRbacItemComposed (RESTRbacOperator for v8 operators: the same members, user or group):
 * the type, the object under its member, the id and a self link. Decided: a v6 request does not
 * see Team items (added through v7/v8), since SPEC6 knows no Team type.
 */
function visible(item: StoredRoleItem, version: ApiVersion): boolean {
  return version !== "v6" || item.type !== "Team";
}

function itemView(item: StoredRoleItem, roleId: string, which: RoleList, version: ApiVersion): Record<string, unknown> {
  return { ...item, _links: { self: { href: `/${version}/RbacRoles/${roleId}/${which}/${item.id}` } } };
}

/** GET /RbacRoles/{roleId}/{list}: an array in every version (SPEC6/7/8). */
function list(which: RoleList) {
  return (context: RouteContext): Reply => {
    const role = context.store.roles.get(pathId(context, "roleId"));
    const items = role[which].filter((item) => visible(item, context.version));
    return json(200, items.map((item) => itemView(item, role.id, which, context.version)));
  };
}

function one(which: RoleList, param: string) {
  return (context: RouteContext): Reply => {
    const roleId = pathId(context, "roleId");
    // Hidden from v6 as in the listing: a 404, as from a v6 server that never had the item.
    const item = context.store.roles.item(roleId, which, context.params[param] ?? "", (candidate) => visible(candidate, context.version));
    return json(200, itemView(item, roleId, which, context.version));
  };
}

/** POST: adds the objects an array of items names (204, SPEC6/7/8); objects already listed stay as they are. */
function add(which: RoleList) {
  return (context: RouteContext): Reply => {
    const roleId = pathId(context, "roleId");
    context.store.roles.get(roleId);
    const items = bindItemArray(context.version, which, parseJsonBody(context.rawBody, context.contentType, true));
    context.store.roles.addItems(roleId, which, items);
    return empty(204);
  };
}

/** DELETE ?ids=a,b (SPEC8: "To specify multiple items, use comma"): 204, or 400 when an id is not listed. */
function remove(which: RoleList) {
  return (context: RouteContext): Reply => {
    const roleId = pathId(context, "roleId");
    context.store.roles.get(roleId);
    const ids = (queryString(context.query, "ids") ?? "").split(",").map((id) => id.trim()).filter((id) => id !== "");
    if (ids.length === 0) throw validation("'ids' is required.");
    context.store.roles.removeItems(roleId, which, ids);
    return empty(204);
  };
}

const ALL = ["v6", "v7", "v8"] as const;

/** A list's routes; the GETs share one kind, so a fault on reads leaves the changes alone. */
function collection(which: RoleList, param: string, kinds: { read: RouteKind; add: RouteKind; remove: RouteKind }): RouteDefinition[] {
  const path = `/RbacRoles/{roleId}/${which}`;
  return [
    { method: "GET", path, versions: ALL, kind: kinds.read, handle: list(which) },
    { method: "POST", path, versions: ALL, kind: kinds.add, handle: add(which) },
    { method: "DELETE", path, versions: ALL, kind: kinds.remove, handle: remove(which) },
    { method: "GET", path: `${path}/{${param}}`, versions: ALL, kind: kinds.read, handle: one(which, param) },
  ];
}

export const rbacRoleItemRoutes: RouteDefinition[] = [
  ...collection("operators", "operatorId", { read: "rbacRoles.operators", add: "rbacRoles.operators.add", remove: "rbacRoles.operators.remove" }),
  ...collection("selectedItems", "itemId", { read: "rbacRoles.selectedItems", add: "rbacRoles.selectedItems.add", remove: "rbacRoles.selectedItems.remove" }),
  ...collection("excludedItems", "itemId", { read: "rbacRoles.excludedItems", add: "rbacRoles.excludedItems.add", remove: "rbacRoles.excludedItems.remove" }),
];
