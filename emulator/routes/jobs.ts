import { bind } from "../binding";
import { empty, json, parseJsonBody, type Reply } from "../http";
import type { StoredJob } from "../model";
import { atLeast, type ApiVersion } from "../versions";
import { bindJobItems, compact, jobBody, jobEditBody } from "./job-body";
import { page, pageRequest } from "./paging";
import { pathId, queryBool, queryGuid } from "./params";
import type { RouteContext, RouteDefinition } from "./types";

/** RESTJob per version: lastBackup from v7, organizationId and eTag from v8 (SPEC6/7/8). */
export function jobView(job: StoredJob, version: ApiVersion): Record<string, unknown> {
  const view: Record<string, unknown> = { id: job.id };
  if (version === "v8") view.organizationId = job.organizationId;
  view.repositoryId = job.repositoryId;
  view.name = job.name;
  if (job.description !== null) view.description = job.description;
  view.backupType = job.backupType;
  view.schedulePolicy = policyView(job.schedulePolicy, version);
  view.lastRun = null;
  view.nextRun = null;
  if (atLeast(version, "v7")) view.lastBackup = null;
  view.isEnabled = job.isEnabled;
  view.lastStatus = job.lastStatus;
  if (version === "v8") view.eTag = job.eTag;
  // GOVBO's v6 link set, minus copyJob (copy jobs are not emulated).
  const self = `/${version}/Jobs/${job.id}`;
  view._links = {
    self: { href: self },
    organization: { href: `/${version}/Organizations/${job.organizationId}` },
    backupRepository: { href: `/${version}/BackupRepositories/${job.repositoryId}` },
    jobsessions: { href: `${self}/JobSessions` },
    excludedItems: { href: `${self}/ExcludedItems` },
    selectedItems: { href: `${self}/SelectedItems` },
  };
  return view;
}

/** The policy in `version`'s members: v6 has no periodicallyWindowEnabled, whatever version set it (SPEC6). */
function policyView(policy: Readonly<Record<string, unknown>>, version: ApiVersion): Record<string, unknown> {
  if (version !== "v6") return { ...policy };
  const { periodicallyWindowEnabled: _enabled, ...members } = policy;
  return members;
}

function create(context: RouteContext): Reply {
  const { version } = context;
  const body = bind(jobBody(version), parseJsonBody(context.rawBody, context.contentType, true), "the request body");
  const fromPath = version !== "v8";
  const job = context.store.createJob({
    organizationId: body.organizationId ?? pathId(context, "organizationId"),
    organizationFrom: fromPath ? "path" : "body",
    repositoryId: body.repositoryId,
    name: body.name ?? null,
    description: body.description ?? null,
    backupType: body.backupType,
    schedulePolicy: body.schedulePolicy ? compact(body.schedulePolicy) : null,
    selectedItems: bindJobItems(body.selectedItems, "selectedItems"),
    excludedItems: bindJobItems(body.excludedItems, "excludedItems"),
    isEnabled: body.isEnabled ?? null,
  });
  // POST returns 200 in v6/v7 and 201 in v8 (SPEC6/7/8, §7).
  if (fromPath) return json(200, jobView(job, version));
  return json(201, jobView(job, version), { location: `/v8/Jobs/${job.id}` });
}

/** GET /vN/Jobs: an array up to v7, a page with organizationId/repositoryId filters in v8. */
function list(context: RouteContext): Reply {
  const { version, store } = context;
  if (version !== "v8") return json(200, store.listJobs().map((job) => jobView(job, version)));
  const request = pageRequest(context.query, store.settings());
  const jobs = store.listJobs({
    organizationId: queryGuid(context.query, "organizationId"),
    repositoryId: queryGuid(context.query, "repositoryId"),
  });
  return json(200, page(jobs.map((job) => jobView(job, version)), request, "/v8/Jobs"));
}

/** GET /vN/Organizations/{organizationId}/Jobs (SPEC6/7: an array; v8 has /Jobs?organizationId= instead). */
function listOfOrganization(context: RouteContext): Reply {
  const organizationId = pathId(context, "organizationId");
  context.store.getOrganization(organizationId);
  return json(200, context.store.listJobs({ organizationId }).map((job) => jobView(job, context.version)));
}

function get(context: RouteContext): Reply {
  return json(200, jobView(context.store.getJob(pathId(context, "jobId")), context.version));
}

/**
 * PUT → 204 in every version (SPEC6/7/8). Decided: v8's skipItemUpdate is accepted and has no
 * effect, since the emulator never refreshes the items' objects from Microsoft 365.
 */
function update(context: RouteContext): Reply {
  const { version, store } = context;
  const id = pathId(context, "jobId");
  store.getJob(id);
  if (version === "v8") queryBool(context.query, "skipItemUpdate", false);
  const replace = store.settings().putSemantics === "replace";
  const body = bind(jobEditBody(version, replace), parseJsonBody(context.rawBody, context.contentType, true), "the request body");
  store.updateJob(id, {
    name: body.name,
    description: body.description,
    backupType: body.backupType,
    repositoryId: body.repositoryId,
    schedulePolicy: body.schedulePolicy ? compact(body.schedulePolicy) : body.schedulePolicy,
    selectedItems: body.selectedItems ? bindJobItems(body.selectedItems, "selectedItems") : undefined,
    excludedItems: body.excludedItems ? bindJobItems(body.excludedItems, "excludedItems") : undefined,
    isEnabled: body.isEnabled,
  });
  return empty(204);
}

function remove(context: RouteContext): Reply {
  context.store.deleteJob(pathId(context, "jobId"));
  return empty(204);
}

function enable(context: RouteContext): Reply {
  context.store.setJobEnabled(pathId(context, "jobId"), true);
  return empty(204);
}

function disable(context: RouteContext): Reply {
  context.store.setJobEnabled(pathId(context, "jobId"), false);
  return empty(204);
}

const ALL = ["v6", "v7", "v8"] as const;

export const jobRoutes: RouteDefinition[] = [
  // v8 removed the organization-scoped route and takes organizationId in the body (DOC-BREAK8).
  { method: "POST", path: "/Organizations/{organizationId}/Jobs", versions: ["v6", "v7"], kind: "jobs.create", handle: create },
  { method: "POST", path: "/Jobs", versions: ["v8"], kind: "jobs.create", handle: create },
  { method: "GET", path: "/Jobs", versions: ALL, kind: "jobs.list", handle: list },
  { method: "GET", path: "/Organizations/{organizationId}/Jobs", versions: ["v6", "v7"], kind: "organizations.jobs", handle: listOfOrganization },
  { method: "GET", path: "/Jobs/{jobId}", versions: ALL, kind: "jobs.get", handle: get },
  { method: "PUT", path: "/Jobs/{jobId}", versions: ALL, kind: "jobs.update", handle: update },
  { method: "DELETE", path: "/Jobs/{jobId}", versions: ALL, kind: "jobs.delete", handle: remove },
  { method: "POST", path: "/Jobs/{jobId}/enable", versions: ALL, kind: "jobs.enable", handle: enable },
  { method: "POST", path: "/Jobs/{jobId}/disable", versions: ALL, kind: "jobs.disable", handle: disable },
];
