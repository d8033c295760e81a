import { isTransient, Vb365ApiError } from "../client";
import type { RemoteJob } from "../client/job-schemas";
import type { JobsApi } from "../client/jobs";

const MAX_ATTEMPTS = 4;

/** What a create needs to find the job it is about, and to send. */
export interface JobCreation {
  organizationId: string;
  /** The job's name in VB365: what identifies it within its organization. */
  name: string;
  body: Record<string, unknown>;
  adoptExisting: boolean;
  /**
   * The organization's jobs for adoption: a listing the organization's other jobs of the same
   * `up` share (an estate taken over adopts many per organization). Default: a listing of its own.
   */
  adoptable?: () => Promise<RemoteJob[]>;
}

/**
 * Adds the job, or takes over the one of its name in its organization when asked to. A POST that
 * lost its answer may have added the job, so before trying again the organization's jobs are
 * read: the job is taken back if it is there. Only the organization's own listing is asked, so a
 * job of the same name in another tenant's organization can never be taken.
 */
export async function addOrAdoptJob(api: JobsApi, creation: JobCreation): Promise<{ job: RemoteJob; adopted: boolean }> {
  if (creation.adoptExisting) {
    const existing = namedJob(await (creation.adoptable?.() ?? api.listOrganizationJobs(creation.organizationId)), creation);
    if (existing) {
      await api.updateJob(existing.id, creation.body);
      return { job: existing, adopted: true };
    }
  }
  let ambiguous = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return { job: await api.createJob(creation.organizationId, creation.body), adopted: false };
    } catch (error) {
      // Refused after an attempt of this very call lost its answer: that attempt may have added it.
      const refused = error instanceof Vb365ApiError && (error.status === 400 || error.status === 409);
      if (refused && ambiguous) {
        const recovered = await ownJob(api, creation);
        if (recovered) return { job: recovered, adopted: false };
      }
      if (refused || !isTransient(error) || attempt >= MAX_ATTEMPTS) throw error;
      ambiguous = true;
      const recovered = await ownJob(api, creation);
      if (recovered) return { job: recovered, adopted: false };
      await sleep(Math.min(500 * 2 ** (attempt - 1), 30_000));
    }
  }
}

/**
 * The organization's one job of this name, read afresh: after a POST that lost its answer, only a
 * listing made since can tell whether it added the job.
 */
async function ownJob(api: JobsApi, creation: JobCreation): Promise<RemoteJob | undefined> {
  return namedJob(await api.listOrganizationJobs(creation.organizationId), creation);
}

/** The one job of this name among the organization's `jobs`; an error naming them when there are several. */
function namedJob(jobs: RemoteJob[], { organizationId, name }: JobCreation): RemoteJob | undefined {
  const wanted = name.trim().toLowerCase();
  const named = jobs.filter((job) => job.name?.trim().toLowerCase() === wanted);
  if (named.length > 1) {
    throw new Error(`Cannot tell which job is this resource's: the organization ${organizationId} has ${named.length} jobs named "${name}" (${named.map((job) => job.id).join(", ")}). Nothing was changed. Rename one of them in VB365, or give this job another name.`);
  }
  return named[0];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
