import { Clock } from "./clock";
import { DeviceCodeStore } from "./device-codes";
import {
  jobNotFound,
  organizationAlreadyAdded,
  organizationHasEnabledJobs,
  organizationNotFound,
  referencedOrganizationNotFound,
  referencedRepositoryNotFound,
  validation,
} from "./errors";
import { newId } from "./ids";
import type { BackupType, StoredConnectionSettings, StoredJob, StoredOrganization, StoredRepository } from "./model";
import { applyBody, draftOf, NEW_ORGANIZATION, type OrganizationDraft } from "./organization-draft";
import { resolveOrganization, type Resolution } from "./organization-rules";
import { loadState, saveState } from "./persistence";
import type { OrganizationBody } from "./routes/organization-body";
import { seedRepositories } from "./seed";
import { DEFAULT_SETTINGS, type EmulatorSettings } from "./settings";
import { TokenStore } from "./tokens";
import type { ApiVersion } from "./versions";

export interface User {
  name: string;
  password: string;
}

export interface StoreConfig {
  servedVersions: readonly ApiVersion[];
  users: readonly User[];
  settings: Partial<EmulatorSettings>;
  stateFile?: string | undefined;
}

export interface JobInput {
  organizationId: string;
  /** v6/v7 take the organization from the path (404 when unknown), v8 from the body (400). */
  organizationFrom: "path" | "body";
  repositoryId: string;
  name: string | null;
  description: string | null;
  backupType: BackupType;
  schedulePolicy: Record<string, unknown> | null;
  selectedItems: unknown[];
  excludedItems: unknown[];
  isEnabled: boolean | null;
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

/** All emulator state and the rules that guard it. Routes only parse and serialize around it. */
export class Store {
  readonly clock = new Clock();
  /** `installationId` of GET /ServiceInstance. */
  readonly installationId = newId();
  readonly servedVersions: readonly ApiVersion[];
  readonly tokens: TokenStore;
  readonly deviceCodes: DeviceCodeStore;
  private currentSettings: EmulatorSettings;
  private readonly users = new Map<string, User>();
  private readonly organizations = new Map<string, StoredOrganization>();
  private readonly jobs = new Map<string, StoredJob>();
  private readonly repositories = new Map<string, StoredRepository>();

  constructor(private readonly config: StoreConfig) {
    this.servedVersions = config.servedVersions;
    this.currentSettings = { ...DEFAULT_SETTINGS, ...config.settings };
    this.tokens = new TokenStore(this.clock, () => this.currentSettings);
    this.deviceCodes = new DeviceCodeStore(this.clock, () => this.currentSettings);
    for (const user of config.users) this.addUser(user.name, user.password);
    const saved = config.stateFile ? loadState(config.stateFile) : undefined;
    if (saved) {
      for (const organization of saved.organizations) this.organizations.set(organization.id, organization);
      for (const job of saved.jobs) this.jobs.set(job.id, job);
      for (const repository of saved.repositories) this.repositories.set(repository.id, repository);
    } else {
      for (const repository of seedRepositories()) this.repositories.set(repository.id, repository);
    }
  }

  now(): number {
    return this.clock.now();
  }

  settings(): EmulatorSettings {
    return { ...this.currentSettings };
  }

  configure(patch: Partial<EmulatorSettings>): EmulatorSettings {
    this.currentSettings = { ...this.currentSettings, ...patch };
    return this.settings();
  }

  /** Back to the configuration the emulator started with: no organizations, jobs, tokens or codes. */
  reset(): void {
    this.currentSettings = { ...DEFAULT_SETTINGS, ...this.config.settings };
    this.clock.reset();
    this.tokens.clear();
    this.deviceCodes.clear();
    this.users.clear();
    for (const user of this.config.users) this.addUser(user.name, user.password);
    this.organizations.clear();
    this.jobs.clear();
    this.repositories.clear();
    for (const repository of seedRepositories()) this.repositories.set(repository.id, repository);
    this.persist();
  }

  // Users --------------------------------------------------------------------------------------

  /** Decided: user names compare case-insensitively (Windows accounts do), passwords exactly. */
  addUser(name: string, password: string): void {
    this.users.set(name.toLowerCase(), { name, password });
  }

  authenticate(name: string, password: string): string | undefined {
    const user = this.users.get(name.trim().toLowerCase());
    return user && user.password === password ? user.name : undefined;
  }

  userNames(): string[] {
    return [...this.users.values()].map((user) => user.name);
  }

  // Organizations ------------------------------------------------------------------------------

  listOrganizations(): StoredOrganization[] {
    return [...this.organizations.values()];
  }

  getOrganization(id: string): StoredOrganization {
    const organization = this.organizations.get(id);
    if (!organization) throw organizationNotFound(id);
    return organization;
  }

  createOrganization(body: OrganizationBody, version: ApiVersion): StoredOrganization {
    const now = this.now();
    const draft = applyBody(NEW_ORGANIZATION, body, now);
    const resolution = resolveOrganization(draft, this.ruleContext(version, null));
    const duplicate = this.listOrganizations().find((other) => other.name.toLowerCase() === resolution.name.toLowerCase());
    if (duplicate) throw organizationAlreadyAdded(duplicate.name);
    const organization = this.build(newId(), draft, resolution, null);
    if (resolution.deviceCode) this.deviceCodes.markUsed(resolution.deviceCode);
    this.organizations.set(organization.id, organization);
    this.persist();
    return organization;
  }

  updateOrganization(id: string, body: OrganizationBody, version: ApiVersion): StoredOrganization {
    const existing = this.getOrganization(id);
    // Under "replace" the body is bound onto a fresh organization: what it omits is cleared, secrets included.
    const base = this.currentSettings.putSemantics === "replace" ? NEW_ORGANIZATION : draftOf(existing);
    const draft = applyBody(base, body, this.now());
    const resolution = resolveOrganization(draft, this.ruleContext(version, existing));
    const organization = this.build(id, draft, resolution, existing);
    if (resolution.deviceCode) this.deviceCodes.markUsed(resolution.deviceCode);
    this.organizations.set(id, organization);
    this.persist();
    return organization;
  }

  /**
   * Under deleteWithJobs "refuse", refused while any job of the organization is enabled, and its
   * disabled jobs go with it; under "cascade" every job goes with it (settings.ts, §4.5).
   */
  deleteOrganization(id: string): void {
    const organization = this.getOrganization(id);
    const jobs = this.listJobs({ organizationId: id });
    const enabled = jobs.filter((job) => job.isEnabled);
    if (enabled.length > 0 && this.currentSettings.deleteWithJobs === "refuse") {
      throw organizationHasEnabledJobs(organization.name, enabled.map((job) => job.name));
    }
    for (const job of jobs) this.jobs.delete(job.id);
    this.organizations.delete(id);
    this.persist();
  }

  private ruleContext(version: ApiVersion, existing: StoredOrganization | null) {
    return {
      version,
      now: this.now(),
      existing,
      deviceCode: (userCode: string) => this.deviceCodes.get(userCode),
    };
  }

  private build(
    id: string,
    draft: OrganizationDraft,
    resolution: Resolution,
    existing: StoredOrganization | null,
  ): StoredOrganization {
    const registersApplication = resolution.kind === "newApplication";
    // Kind A: VB365 registers the Entra application and remembers the tenant it signed in to,
    // so later reads show an ordinary app-only organization (INFERRED from the v5 GET example, §4.3 C).
    const applicationId = registersApplication ? newId() : null;
    const completed = (settings: StoredConnectionSettings | null): StoredConnectionSettings | null =>
      settings && registersApplication
        ? { ...settings, applicationId, officeOrganizationName: settings.officeOrganizationName ?? resolution.name }
        : settings;
    return {
      id,
      type: draft.type,
      region: draft.region,
      name: resolution.name,
      officeName: resolution.name,
      description: draft.description,
      msid: resolution.msid,
      authenticationKind: resolution.kind,
      isExchangeOnline: draft.isExchangeOnline,
      isSharePointOnline: draft.isSharePointOnline,
      isTeamsOnline: draft.isTeamsOnline,
      isTeamsChatsOnline: draft.isTeamsChatsOnline,
      exchangeOnlineSettings: completed(draft.exchangeOnlineSettings),
      sharePointOnlineSettings: completed(draft.sharePointOnlineSettings),
      isExchange: draft.isExchange,
      isSharepoint: draft.isSharepoint,
      exchangeSettings: draft.exchangeSettings,
      sharepointSettings: draft.sharepointSettings,
      newApplicationName: draft.newApplicationName ?? existing?.newApplicationName ?? null,
      createdAt: existing?.createdAt ?? new Date(this.now()).toISOString(),
    };
  }

  // Repositories and jobs ----------------------------------------------------------------------

  listRepositories(): StoredRepository[] {
    return [...this.repositories.values()];
  }

  createJob(input: JobInput): StoredJob {
    if (!this.organizations.has(input.organizationId)) {
      throw input.organizationFrom === "path"
        ? organizationNotFound(input.organizationId)
        : referencedOrganizationNotFound(input.organizationId);
    }
    if (!this.repositories.has(input.repositoryId)) throw referencedRepositoryNotFound(input.repositoryId);
    if (input.backupType === "SelectedItems" && input.selectedItems.length === 0) {
      throw validation("'selectedItems' must list at least one item when backupType is SelectedItems.");
    }
    const job: StoredJob = {
      id: newId(),
      organizationId: input.organizationId,
      repositoryId: input.repositoryId,
      // Decided: the name is optional in the specs; a missing one gets a numbered default.
      name: input.name ?? `Backup Job ${this.jobs.size + 1}`,
      description: input.description,
      backupType: input.backupType,
      schedulePolicy: input.schedulePolicy ?? { ...DEFAULT_SCHEDULE_POLICY },
      selectedItems: input.selectedItems,
      excludedItems: input.excludedItems,
      isEnabled: input.isEnabled ?? true,
      lastStatus: "Stopped",
      eTag: 1,
      createdAt: new Date(this.now()).toISOString(),
    };
    this.jobs.set(job.id, job);
    this.persist();
    return job;
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
    this.persist();
  }

  setJobEnabled(id: string, enabled: boolean): void {
    const job = this.getJob(id);
    if (job.isEnabled !== enabled) {
      job.isEnabled = enabled;
      job.eTag += 1;
      this.persist();
    }
  }

  private persist(): void {
    if (!this.config.stateFile) return;
    saveState(this.config.stateFile, {
      organizations: this.listOrganizations(),
      jobs: [...this.jobs.values()],
      repositories: this.listRepositories(),
    });
  }
}
