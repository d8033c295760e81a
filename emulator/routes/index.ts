import { deviceCodeRoutes } from "./device-code";
import { inventoryRoutes } from "./inventory";
import { jobItemRoutes } from "./job-items";
import { jobRoutes } from "./jobs";
import { organizationRoutes } from "./organizations";
import { rbacRoleItemRoutes } from "./rbac-role-items";
import { rbacRoleRoutes } from "./rbac-roles";
import { repositoryRoutes } from "./repositories";
import { serviceRoutes } from "./service";
import { tokenRoutes } from "./token";
import type { RouteDefinition } from "./types";

/** Every route the emulator serves. The trimmed OpenAPI excerpt and the contract test derive from it. */
export const ROUTES: readonly RouteDefinition[] = [
  ...tokenRoutes,
  ...serviceRoutes,
  ...deviceCodeRoutes,
  ...organizationRoutes,
  ...inventoryRoutes,
  ...jobRoutes,
  ...jobItemRoutes,
  ...repositoryRoutes,
  ...rbacRoleRoutes,
  ...rbacRoleItemRoutes,
];

export interface ServedOperation {
  version: string;
  method: string;
  /** Spec path, e.g. "/v8/Organizations/{organizationId}". */
  path: string;
}

export function servedOperations(versions: readonly string[] = ["v6", "v7", "v8"]): ServedOperation[] {
  return versions.flatMap((version) =>
    ROUTES.filter((route) => (route.versions as readonly string[]).includes(version)).map((route) => ({
      version,
      method: route.method,
      path: `/${version}${route.path}`,
    })),
  );
}
