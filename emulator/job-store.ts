import { jobNotFound, organizationNotFound, referencedOrganizationNotFound, referencedRepositoryNotFound, validation } from "./errors";
import { newId } from "./ids";
import type { Inventory } from "./inventory";
import { resolveJobItems, type SentJobItem, type StoredJobItem } from "./job-items";
import type { BackupType, StoredJob, StoredOrganization, StoredRepository } from "./model";
import { seedRepositories } from "./seed";

export interface JobInput {
  organizationId: string;
  /** v6/v7 take the organization from the path (404 when unknown), v8 from the body (400). */
  organizationFrom: "path" | "body";
  repositoryId: string;
  name: string | null;
  description: string | null;
  backupType: BackupType;
  schedulePolicy: Record<string, unknown> | null;
  selectedItems: SentJobItem[];
  excludedItems: SentJobItem[];
  isEnabled: boolean | null;
}

/** PUT /Jobs/{jobId}: undefined is "not sent"; null keeps the stored value except for `description`, which it clears. */
export interface JobPatch {
  name?: string | null | undefined;
  description?: string | null | undefined;
  backupType?: BackupType | null | undefined;
  repositoryId?: string | null | undefined;
  schedulePolicy?: Record<string, unknown> | null | undefined;
  selectedItems?: SentJobItem[] | undefined;
  excludedItems?: SentJobItem[] | undefined;
  isEnabled?: boolean | null | undefined;
}

/**
 * Decided: a job created without a schedule runs daily at 22:00 with 3 retries every 10 minutes
 * (PS new-vbojobschedulepolicy.md defaults for the retry part; the rest is the console's default).
 */
export const DEFAULT_SCHEDULE_POLICY: Readonly<Record<string, unknown>> = {
  scheduleEnabled: true,
  type: "Daily",
  dailyType: "Everyday",
  dailyTime: "22:00:00",
  retryEnabled: true,
  retryNumber: 3,
  retryWaitInterval: 10,
  backupWindowEnabled: false,
};

/** What the job store needs of the rest of the state. */
export interface JobStoreHost {
  organization(id: string): StoredOrganization | undefined;
  inventory(organizationId: string): Inventory;
  now(): number;
  persist(): void;
}

/** Backup repositories and jobs, and the rules that guard them. */
export class JobStore {
  private readonly jobs = new Map<string, StoredJob>();
  private readonly repositories = new Map<string, StoredRepository>();

  constructor(private readonly host: JobStoreHost) {
    this.clear();
  }

  /** The seeded repositories and no jobs; does not persist (the caller does). */
  clear(): void {
    this.jobs.clear();
    this.repositories.clear();
    for (const repository of seedRepositories()) this.repositories.set(repository.id, repository);
  }

  load(jobs: readonly StoredJob[], repositories: readonly StoredRepository[]): void {
    this.jobs.clear();
    this.repositories.clear();
    for (const job of jobs) this.jobs.set(job.id, job);
    for (const repository of repositories) this.repositories.set(repository.id, repository);
  }

  listRepositories(): StoredRepository[] {
    return [...this.repositories.values()];
  }

  createJob(input: JobInput): StoredJob {
    const organization = this.host.organization(input.organizationId);
    if (!organization) {
      throw input.organizationFrom === "path"
        ? organizationNotFound(input.organizationId)
        : referencedOrganizationNotFound(input.organizationId);
    }
    this.checkRepository(input.repositoryId);
    if (input.backupType === "SelectedItems") this.checkSelected(input.selectedItems);
    if (input.schedulePolicy) this.checkWindows(input.schedulePolicy);
    const job: StoredJob = {
      id: newId(),
      organizationId: input.organizationId,
      repositoryId: input.repositoryId,
      // Decided: the name is optional in the specs; a missing one gets a numbered default.
      name: input.name ?? this.defaultName(),
      description: input.description,
      backupType: input.backupType,
      schedulePolicy: input.schedulePolicy ?? { ...DEFAULT_SCHEDULE_POLICY },
      selectedItems: this.resolve(organization, input.selectedItems, "selectedItems"),
      excludedItems: this.resolve(organization, input.excludedItems, "excludedItems"),
      isEnabled: input.isEnabled ?? true,
      lastStatus: "Stopped",
      eTag: 1,
      createdAt: new Date(this.host.now()).toISOString(),
    };
    this.jobs.set(job.id, job);
    this.host.persist();
    return job;
  }

  /**
   * Merges `patch` into the job, or under `replace` applies it to a new job's defaults, then checks
   * the result as on create. Decided: every accepted PUT bumps the eTag (the server saves the job).
   */
  updateJob(id: string, patch: JobPatch, replace: boolean): StoredJob {
    const job = this.getJob(id);
    const organization = this.host.organization(job.organizationId);
    if (!organization) throw organizationNotFound(job.organizationId);
    const repositoryId = patch.repositoryId ?? job.repositoryId;
    const backupType = patch.backupType ?? job.backupType;
    if (patch.repositoryId) this.checkRepository(repositoryId);
    const selected = patch.selectedItems ?? (replace ? [] : undefined);
    if (backupType === "SelectedItems") this.checkSelected(selected ?? job.selectedItems);
    if (patch.schedulePolicy) this.checkWindows(patch.schedulePolicy);
    const updated: StoredJob = {
      ...job,
      repositoryId,
      backupType,
      name: patch.name ?? (replace ? this.defaultName() : job.name),
      description: patch.description !== undefined ? patch.description : replace ? null : job.description,
      schedulePolicy: patch.schedulePolicy ?? (replace ? { ...DEFAULT_SCHEDULE_POLICY } : job.schedulePolicy),
      selectedItems: selected ? this.resolve(organization, selected, "selectedItems") : job.selectedItems,
      excludedItems: patch.excludedItems ? this.resolve(organization, patch.excludedItems, "excludedItems") : replace ? [] : job.excludedItems,
      isEnabled: patch.isEnabled ?? (replace ? true : job.isEnabled),
      eTag: job.eTag + 1,
    };
    this.jobs.set(id, updated);
    this.host.persist();
    return updated;
  }

  listJobs(filter: { organizationId?: string | undefined; repositoryId?: string | undefined } = {}): StoredJob[] {
    return [...this.jobs.values()].filter(
      (job) =>
        (filter.organizationId === undefined || job.organizationId === filter.organizationId) &&
        (filter.repositoryId === undefined || job.repositoryId === filter.repositoryId),
    );
  }

  getJob(id: string): StoredJob {
    const job = this.jobs.get(id);
    if (!job) throw jobNotFound(id);
    return job;
  }

  deleteJob(id: string): void {
    this.getJob(id);
    this.jobs.delete(id);
    this.host.persist();
  }

  /** Removes the jobs without persisting: the organization's deletion does that once. */
  dropJobs(ids: readonly string[]): void {
    for (const id of ids) this.jobs.delete(id);
  }

  setJobEnabled(id: string, enabled: boolean): void {
    const job = this.getJob(id);
    if (job.isEnabled !== enabled) {
      job.isEnabled = enabled;
      job.eTag += 1;
      this.host.persist();
    }
  }

  private defaultName(): string {
    return `Backup Job ${this.jobs.size + 1}`;
  }

  private checkRepository(id: string): void {
    if (!this.repositories.has(id)) throw referencedRepositoryNotFound(id);
  }

  private checkSelected(items: readonly unknown[]): void {
    if (items.length === 0) throw validation("'selectedItems' must list at least one item when backupType is SelectedItems.");
  }

  /** Decided: a window switched on needs its hours; the specs do not say what a server does without them. */
  private checkWindows(policy: Readonly<Record<string, unknown>>): void {
    for (const [flag, settings] of [["backupWindowEnabled", "backupWindowSettings"], ["periodicallyWindowEnabled", "periodicallyWindowSettings"]] as const) {
      const hours = (policy[settings] as { backupWindow?: unknown } | undefined)?.backupWindow;
      if (policy[flag] === true && hours === undefined) throw validation(`'schedulePolicy.${settings}.backupWindow' is required when '${flag}' is true.`);
    }
  }

  private resolve(organization: StoredOrganization, items: readonly SentJobItem[], where: string): StoredJobItem[] {
    return resolveJobItems(items, where, organization.name, this.host.inventory(organization.id));
  }
}
