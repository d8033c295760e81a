import { json, type Reply } from "../http";
import type { StoredJobItem } from "../job-items";
import type { ApiVersion } from "../versions";
import { page, pageRequest } from "./paging";
import { pathId } from "./params";
import type { RouteContext, RouteDefinition } from "./types";

/** RESTJobItemComposed of `version`: `chats` exists in SPEC6 only. */
export function jobItemView(item: StoredJobItem, version: ApiVersion): Record<string, unknown> {
  if (version === "v6") return { ...item };
  const { chats: _chats, ...rest } = item;
  return rest;
}

/**
 * GET /vN/Jobs/{jobId}/SelectedItems and /ExcludedItems: an array of RESTJobItemComposed up to v7,
 * a PageOfRESTJobItemComposed in v8 (SPEC6/7/8, DOC-RES8).
 */
function items(which: "selectedItems" | "excludedItems", segment: string) {
  return (context: RouteContext): Reply => {
    const { version, store } = context;
    const job = store.getJob(pathId(context, "jobId"));
    const views = job[which].map((item) => jobItemView(item, version));
    if (version !== "v8") return json(200, views);
    return json(200, page(views, pageRequest(context.query, store.settings()), `/v8/Jobs/${job.id}/${segment}`));
  };
}

const ALL = ["v6", "v7", "v8"] as const;

export const jobItemRoutes: RouteDefinition[] = [
  { method: "GET", path: "/Jobs/{jobId}/SelectedItems", versions: ALL, kind: "jobs.selectedItems", handle: items("selectedItems", "SelectedItems") },
  { method: "GET", path: "/Jobs/{jobId}/ExcludedItems", versions: ALL, kind: "jobs.excludedItems", handle: items("excludedItems", "ExcludedItems") },
];
