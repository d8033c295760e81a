import { bind } from "../binding";
import { empty, json, parseJsonBody, type Reply } from "../http";
import type { StoredOrganization } from "../model";
import { organizationBody, type OrganizationBody } from "./organization-body";
import { defaultExtendedView, organizationView } from "./organization-view";
import { page, pageRequest } from "./paging";
import { pathId, queryBool, queryGuid } from "./params";
import type { RouteContext, RouteDefinition } from "./types";

function readBody(context: RouteContext): OrganizationBody {
  const body = bind(organizationBody, parseJsonBody(context.rawBody, context.contentType, true), "the request body");
  // `description` arrived in v7 (SPEC7); a v6 server would not know the property.
  return context.version === "v6" ? { ...body, description: undefined } : body;
}

function extended(context: RouteContext): boolean {
  return queryBool(context.query, "extendedView", defaultExtendedView(context.version));
}

/** GET /vN/Organizations: a plain array up to v7, a page from v8 (DOC-RES8, §4.1). */
function list(context: RouteContext): Reply {
  const extendedView = extended(context);
  const view = (organization: StoredOrganization) => organizationView(organization, context.version, extendedView);
  if (context.version !== "v8") return json(200, context.store.listOrganizations().map(view));
  const request = pageRequest(context.query, context.store.settings());
  const msid = queryGuid(context.query, "msid");
  // backedUpOrganizationId is always null here (nothing is ever backed up), so filtering by it finds nothing.
  const backedUp = context.query.has("backedUpOrganizationId") && context.query.get("backedUpOrganizationId") !== "";
  const organizations = context.store
    .listOrganizations()
    .filter((organization) => (msid === undefined || organization.msid === msid) && !backedUp);
  return json(200, page(organizations.map(view), request, "/v8/Organizations"));
}

/** POST: 200 up to v7, 201 Created in v8 (SPEC6/7/8). */
function create(context: RouteContext): Reply {
  const organization = context.store.createOrganization(readBody(context), context.version);
  const body = organizationView(organization, context.version, defaultExtendedView(context.version));
  if (context.version !== "v8") return json(200, body);
  return json(201, body, { location: `/v8/Organizations/${organization.id}` });
}

function get(context: RouteContext): Reply {
  const organization = context.store.getOrganization(pathId(context, "organizationId"));
  return json(200, organizationView(organization, context.version, extended(context)));
}

/** PUT → 204. Semantics (documented in organization-draft.ts): a merge, with secrets kept when omitted. */
function update(context: RouteContext): Reply {
  const id = pathId(context, "organizationId");
  context.store.getOrganization(id);
  context.store.updateOrganization(id, readBody(context), context.version);
  return empty(204);
}

function remove(context: RouteContext): Reply {
  context.store.deleteOrganization(pathId(context, "organizationId"));
  return empty(204);
}

const ALL = ["v6", "v7", "v8"] as const;

export const organizationRoutes: RouteDefinition[] = [
  { method: "GET", path: "/Organizations", versions: ALL, kind: "organizations.list", handle: list },
  { method: "POST", path: "/Organizations", versions: ALL, kind: "organizations.create", handle: create },
  { method: "GET", path: "/Organizations/{organizationId}", versions: ALL, kind: "organizations.get", handle: get },
  { method: "PUT", path: "/Organizations/{organizationId}", versions: ALL, kind: "organizations.update", handle: update },
  { method: "DELETE", path: "/Organizations/{organizationId}", versions: ALL, kind: "organizations.delete", handle: remove },
];
