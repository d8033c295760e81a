import type { Reply } from "../http";
import type { Store } from "../store";
import type { ApiVersion } from "../versions";

/** Names for what a request does, used by the request log counters and by faults. */
export const ROUTE_KINDS = [
  "token",
  "token.logout",
  "serviceInstance.get",
  "health.get",
  "restorePortal.get",
  "deviceCode.create",
  "deviceCode.check",
  "organizations.list",
  "organizations.create",
  "organizations.get",
  "organizations.update",
  "organizations.delete",
  "organizations.users",
  "organizations.groups",
  "organizations.sites",
  "organizations.teams",
  "jobs.list",
  "organizations.jobs",
  "jobs.create",
  "jobs.get",
  "jobs.update",
  "jobs.delete",
  "jobs.enable",
  "jobs.disable",
  "jobs.selectedItems",
  "jobs.excludedItems",
  "repositories.list",
  "rbacRoles.create",
  "rbacRoles.list",
  "rbacRoles.get",
  "rbacRoles.update",
  "rbacRoles.delete",
  "rbacRoles.operators",
  "rbacRoles.operators.add",
  "rbacRoles.operators.remove",
  "rbacRoles.selectedItems",
  "rbacRoles.selectedItems.add",
  "rbacRoles.selectedItems.remove",
  "rbacRoles.excludedItems",
  "rbacRoles.excludedItems.add",
  "rbacRoles.excludedItems.remove",
] as const;

export type RouteKind = (typeof ROUTE_KINDS)[number];

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface RouteContext {
  version: ApiVersion;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  rawBody: Buffer;
  contentType: string | undefined;
  store: Store;
  /** The bearer's user; undefined on anonymous routes. */
  user: string | undefined;
  accessToken: string | undefined;
}

export interface RouteDefinition {
  method: HttpMethod;
  /** Path after the version prefix, in the spec's spelling: "/Organizations/{organizationId}". */
  path: string;
  versions: readonly ApiVersion[];
  kind: RouteKind;
  /** `x-anonymous: true` in the specs: no bearer needed. */
  anonymous?: boolean;
  handle(context: RouteContext): Reply;
}
