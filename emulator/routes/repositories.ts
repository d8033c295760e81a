import { json, type Reply } from "../http";
import type { StoredRepository } from "../model";
import type { ApiVersion } from "../versions";
import { page, pageRequest } from "./paging";
import { queryBool, queryGuid } from "./params";
import type { RouteContext, RouteDefinition } from "./types";

/** RESTBackupRepository per version (SPEC6/7 vs SPEC8: v8 adds the proxy pool, organization and state flags). */
export function repositoryView(repository: StoredRepository, version: ApiVersion): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: repository.id,
    name: repository.name,
    description: repository.description,
    path: repository.path,
    capacityBytes: repository.capacityBytes,
    freeSpaceBytes: repository.freeSpaceBytes,
    retentionType: repository.retentionType,
    retentionPeriodType: repository.retentionPeriodType,
    retentionFrequencyType: repository.retentionFrequencyType,
    dailyTime: repository.dailyTime,
    dailyType: repository.dailyType,
    proxyId: repository.proxyId,
    isLongTerm: repository.isLongTerm,
    objectStorageEncryptionEnabled: false,
    isOutOfSync: false,
  };
  if (repository.yearlyRetentionPeriod !== null) view.yearlyRetentionPeriod = repository.yearlyRetentionPeriod;
  if (repository.dailyRetentionPeriod !== null) view.dailyRetentionPeriod = repository.dailyRetentionPeriod;
  if (version === "v8") {
    Object.assign(view, {
      proxyPoolId: null,
      organizationId: null,
      isOutdated: false,
      isIndexed: true,
      isMigrationLocked: false,
      isOutOfOrder: false,
      outOfOrderReason: null,
    });
  }
  view._links = {
    self: { href: `/${version}/BackupRepositories/${repository.id}` },
    proxy: { href: `/${version}/Proxies/${repository.proxyId}` },
  };
  return view;
}

/**
 * GET /vN/BackupRepositories: array up to v7, page in v8 (DOC-RES8). proxyId and longTerm filter;
 * v8's organizationId and proxyPoolId are accepted and ignored, since no repository is owned by an
 * organization or a pool here (decided).
 */
function list(context: RouteContext): Reply {
  const { query, version } = context;
  const proxyId = queryGuid(query, "proxyId");
  const hasLongTerm = [...query.keys()].some((key) => key.toLowerCase() === "longterm");
  const longTerm = queryBool(query, "longTerm", false);
  if (version === "v8") {
    queryGuid(query, "organizationId");
    queryGuid(query, "proxyPoolId");
  }
  const repositories = context.store
    .listRepositories()
    .filter((repository) => (proxyId === undefined || repository.proxyId === proxyId) && (!hasLongTerm || repository.isLongTerm === longTerm))
    .map((repository) => repositoryView(repository, version));
  if (version !== "v8") return json(200, repositories);
  return json(200, page(repositories, pageRequest(query, context.store.settings()), "/v8/BackupRepositories"));
}

export const repositoryRoutes: RouteDefinition[] = [
  { method: "GET", path: "/BackupRepositories", versions: ["v6", "v7", "v8"], kind: "repositories.list", handle: list },
];
