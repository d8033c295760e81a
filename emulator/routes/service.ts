import { json, type Reply } from "../http";
import { API_VERSIONS } from "../versions";
import type { RouteContext, RouteDefinition } from "./types";

/** Build numbers per API version, from the spec repository's README (vb365-api.md §0, SPEC6/7/8). */
const BUILDS = { v6: "6.0.0.367", v7: "7.0.0.2911", v8: "8.0.2.159" } as const;

/** One installation serves every prefix, so it reports the build of the newest version it serves. */
function serviceInstance(context: RouteContext): Reply {
  const newest = [...API_VERSIONS].reverse().find((version) => context.store.servedVersions.includes(version)) ?? context.version;
  return json(200, { installationId: context.store.installationId, version: BUILDS[newest] });
}

/** GET /v8/Health (anonymous): the NATS server and the PostgreSQL database, always healthy here. */
function health(): Reply {
  return json(200, {
    status: "Healthy",
    entries: {
      nats: { status: "Healthy", description: null },
      postgresql: { status: "Healthy", description: null },
    },
  });
}

/**
 * GET /vN/RestorePortalSettings (anonymous in SPEC6/7/8): how the Restore Portal is set up, which
 * PowerShell does on the server (vb365-api.md §4.6); `restorePortalUri` arrived in v7. Settings
 * not configured are left out, as the schema has no nulls.
 */
function restorePortalSettings(context: RouteContext): Reply {
  const { restorePortal } = context.store.settings();
  const body: Record<string, unknown> = { isEnabled: restorePortal.isEnabled };
  if (restorePortal.applicationId !== null) body.applicationId = restorePortal.applicationId;
  if (restorePortal.msalAuthorityUri !== null) body.msalAuthorityUri = restorePortal.msalAuthorityUri;
  if (restorePortal.restorePortalUri !== null && context.version !== "v6") body.restorePortalUri = restorePortal.restorePortalUri;
  return json(200, body);
}

export const serviceRoutes: RouteDefinition[] = [
  { method: "GET", path: "/ServiceInstance", versions: ["v6", "v7", "v8"], kind: "serviceInstance.get", handle: serviceInstance },
  { method: "GET", path: "/Health", versions: ["v8"], kind: "health.get", anonymous: true, handle: health },
  { method: "GET", path: "/RestorePortalSettings", versions: ["v6", "v7", "v8"], kind: "restorePortal.get", anonymous: true, handle: restorePortalSettings },
];
