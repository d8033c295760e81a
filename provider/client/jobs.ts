import { z } from "zod";
import { once } from "../common/once";
import { jobListSchema, jobSchema, organizationObjectSchema, type RemoteJob, type RemoteOrganizationObject, type RemoteRepository, repositoryListSchema, repositorySchema } from "./job-schemas";
import type { Vb365Client } from "./vb365-client";

/**
 * RESTJobItemComposed as a server reports it: its type, and the object and toggles under their
 * spec names, kept as they come (passthrough) for whoever reads them.
 */
const jobItemSchema = once(() => z.object({ id: z.string().nullish(), type: z.string() }).passthrough());
const jobItemListSchema = once(() => jobItemSchema().array());

export type RemoteJobItem = z.infer<ReturnType<typeof jobItemSchema>>;

/** A job's two item collections, by the route segment each has. */
export const JOB_ITEM_COLLECTIONS = { selectedItems: "SelectedItems", excludedItems: "ExcludedItems" } as const;

/** The kinds of an organization's objects a job can name, and their collections. */
export const OBJECT_COLLECTIONS = { user: "Users", group: "Groups", site: "Sites", team: "Teams" } as const;
export type ObjectKind = keyof typeof OBJECT_COLLECTIONS;

/**
 * The backup-job calls of the REST API on one client. The routes differ by version: v8 takes the
 * organization in the body of POST /Jobs and pages its collections; v6/v7 post under the
 * organization and answer arrays (vb365-api.md §7, §9).
 */
export class JobsApi {
  constructor(private readonly client: Vb365Client) {}

  get apiVersion() {
    return this.client.apiVersion;
  }

  listRepositories(): Promise<RemoteRepository[]> {
    if (this.client.apiVersion === "v8") return this.client.listPages("/BackupRepositories", repositorySchema);
    return this.client.request("GET", "/BackupRepositories", { retry: true, expected: [200], schema: repositoryListSchema });
  }

  listJobs(): Promise<RemoteJob[]> {
    if (this.client.apiVersion === "v8") return this.client.listPages("/Jobs", jobSchema);
    return this.client.request("GET", "/Jobs", { retry: true, expected: [200], schema: jobListSchema });
  }

  /** The jobs of one organization: v6/v7 GET /Organizations/{id}/Jobs, v8 GET /Jobs?organizationId= (every page). */
  listOrganizationJobs(organizationId: string): Promise<RemoteJob[]> {
    if (this.client.apiVersion === "v8") return this.client.listPages(`/Jobs?organizationId=${encodeURIComponent(organizationId)}`, jobSchema);
    return this.client.request("GET", `/Organizations/${encodeURIComponent(organizationId)}/Jobs`, { retry: true, expected: [200], schema: jobListSchema });
  }

  getJob(id: string): Promise<RemoteJob> {
    return this.client.request("GET", `/Jobs/${encodeURIComponent(id)}`, { retry: true, expected: [200], schema: jobSchema });
  }

  /** Not retried: a repeated POST could add the job twice. */
  createJob(organizationId: string, body: Record<string, unknown>): Promise<RemoteJob> {
    if (this.client.apiVersion === "v8") {
      return this.client.request("POST", "/Jobs", { body: { ...body, organizationId }, retry: false, expected: [201, 200], schema: jobSchema });
    }
    return this.client.request("POST", `/Organizations/${encodeURIComponent(organizationId)}/Jobs`, { body, retry: false, expected: [200, 201], schema: jobSchema });
  }

  async updateJob(id: string, body: Record<string, unknown>): Promise<void> {
    await this.client.request("PUT", `/Jobs/${encodeURIComponent(id)}`, { body, retry: true, expected: [200, 204] });
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await this.client.request("POST", `/Jobs/${encodeURIComponent(id)}/${enabled ? "enable" : "disable"}`, { retry: true, expected: [200, 204] });
  }

  async deleteJob(id: string): Promise<void> {
    await this.client.request("DELETE", `/Jobs/${encodeURIComponent(id)}`, { retry: true, expected: [200, 204] });
  }

  /** A job's selected or excluded items: an array up to v7, pages in v8 (SPEC6/7/8). */
  listJobItems(jobId: string, which: keyof typeof JOB_ITEM_COLLECTIONS): Promise<RemoteJobItem[]> {
    const route = `/Jobs/${encodeURIComponent(jobId)}/${JOB_ITEM_COLLECTIONS[which]}`;
    if (this.client.apiVersion === "v8") return this.client.listPages(route, jobItemSchema);
    return this.client.request("GET", route, { retry: true, expected: [200], schema: jobItemListSchema });
  }

  /** The organization's objects of one kind that match `filter` (the collection's own query parameter). */
  listObjects(organizationId: string, kind: ObjectKind, filter: Record<string, string> = {}): Promise<RemoteOrganizationObject[]> {
    const query = new URLSearchParams(filter).toString();
    const route = `/Organizations/${encodeURIComponent(organizationId)}/${OBJECT_COLLECTIONS[kind]}${query ? `?${query}` : ""}`;
    return this.client.listPages(route, organizationObjectSchema);
  }
}
