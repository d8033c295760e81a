import { bind } from "../binding";
import { empty, json, parseJsonBody, type Reply } from "../http";
import type { StoredRole } from "../model";
import type { ApiVersion } from "../versions";
import { roleBody, sentItems, type RoleBody } from "./rbac-role-body";
import { pathId } from "./params";
import type { RouteContext, RouteDefinition } from "./types";

/** RESTRbacRole, the same members in SPEC6/7/8; the lists are read through their own routes. */
export function roleView(role: StoredRole, version: ApiVersion): Record<string, unknown> {
  const view: Record<string, unknown> = { id: role.id, organizationId: role.organizationId, name: role.name };
  if (role.description !== null) view.description = role.description;
  view.roleType = role.roleType;
  const self = `/${version}/RbacRoles/${role.id}`;
  view._links = {
    self: { href: self },
    organization: { href: `/${version}/Organizations/${role.organizationId}` },
    operators: { href: `${self}/operators` },
    selectedItems: { href: `${self}/selectedItems` },
    excludedItems: { href: `${self}/excludedItems` },
  };
  return view;
}

function readBody(context: RouteContext): RoleBody {
  return bind(roleBody(context.version), parseJsonBody(context.rawBody, context.contentType, true), "the request body");
}

/** POST /Organizations/{organizationId}/RbacRoles: 200 in v6/v7, 201 in v8 (SPEC6/7/8). */
function create(context: RouteContext): Reply {
  const { version } = context;
  const organizationId = pathId(context, "organizationId");
  context.store.getOrganization(organizationId);
  const body = readBody(context);
  const role = context.store.roles.create({
    organizationId,
    name: body.name ?? null,
    description: body.description ?? null,
    roleType: body.roleType ?? null,
    operators: sentItems(body.operators) ?? [],
    selectedItems: sentItems(body.selectedItems) ?? [],
    excludedItems: sentItems(body.excludedItems) ?? [],
  });
  if (version !== "v8") return json(200, roleView(role, version));
  return json(201, roleView(role, version), { location: `/v8/RbacRoles/${role.id}` });
}

/** GET /RbacRoles and /Organizations/{organizationId}/RbacRoles: arrays in every version, unpaged (SPEC6/7/8). */
function list(context: RouteContext): Reply {
  return json(200, context.store.roles.list().map((role) => roleView(role, context.version)));
}

function listOfOrganization(context: RouteContext): Reply {
  const organizationId = pathId(context, "organizationId");
  context.store.getOrganization(organizationId);
  return json(200, context.store.roles.list({ organizationId }).map((role) => roleView(role, context.version)));
}

function get(context: RouteContext): Reply {
  return json(200, roleView(context.store.roles.get(pathId(context, "roleId")), context.version));
}

/** PUT → 204 (SPEC6/7/8), merged or replaced as the putSemantics setting says, then checked as a create is. */
function update(context: RouteContext): Reply {
  const { store } = context;
  const id = pathId(context, "roleId");
  store.roles.get(id);
  const body = readBody(context);
  const patch = {
    name: body.name,
    description: body.description,
    roleType: body.roleType,
    operators: sentItems(body.operators),
    selectedItems: sentItems(body.selectedItems),
    excludedItems: sentItems(body.excludedItems),
  };
  store.roles.update(id, patch, store.settings().putSemantics === "replace");
  return empty(204);
}

function remove(context: RouteContext): Reply {
  context.store.roles.delete(pathId(context, "roleId"));
  return empty(204);
}

const ALL = ["v6", "v7", "v8"] as const;

export const rbacRoleRoutes: RouteDefinition[] = [
  { method: "POST", path: "/Organizations/{organizationId}/RbacRoles", versions: ALL, kind: "rbacRoles.create", handle: create },
  { method: "GET", path: "/Organizations/{organizationId}/RbacRoles", versions: ALL, kind: "rbacRoles.list", handle: listOfOrganization },
  { method: "GET", path: "/RbacRoles", versions: ALL, kind: "rbacRoles.list", handle: list },
  { method: "GET", path: "/RbacRoles/{roleId}", versions: ALL, kind: "rbacRoles.get", handle: get },
  { method: "PUT", path: "/RbacRoles/{roleId}", versions: ALL, kind: "rbacRoles.update", handle: update },
  { method: "DELETE", path: "/RbacRoles/{roleId}", versions: ALL, kind: "rbacRoles.delete", handle: remove },
];
