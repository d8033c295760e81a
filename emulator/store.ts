import { Clock } from "./clock";
import { DeviceCodeStore } from "./device-codes";
import { EntraDirectory, type StoredApplication } from "./entra";
import { entraCredentials, presentedCredentials, requireTrusted, trustReport, type TrustReportEntry } from "./entra-trust";
import { organizationAlreadyAdded, organizationHasEnabledJobs, organizationHasRoles, organizationNotFound } from "./errors";
import { newId } from "./ids";
import { EMPTY_INVENTORY, seedInventory, withInventory, type Inventory, type InventoryInput } from "./inventory";
import { JobStore, type JobInput, type JobPatch } from "./job-store";
import type { StoredConnectionSettings, StoredJob, StoredOrganization, StoredRepository } from "./model";
import { applyBody, draftOf, NEW_ORGANIZATION, type OrganizationDraft } from "./organization-draft";
import { resolveOrganization, type Resolution } from "./organization-rules";
import { loadState, saveState } from "./persistence";
import { RoleStore } from "./role-store";
import type { OrganizationBody } from "./routes/organization-body";
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
  /** Each organization's Microsoft 365 objects, by organization id. */
  private readonly inventories = new Map<string, Inventory>();
  private readonly jobs = new JobStore({
    organization: (id) => this.organizations.get(id),
    inventory: (organizationId) => this.inventory(organizationId),
    now: () => this.now(),
    persist: () => this.persist(),
  });
  /** Microsoft Entra's applications and the certificates they trust (entra.ts). */
  readonly entra = new EntraDirectory();
  /** Restore operator roles (role-store.ts); routes call it directly, as they do the tokens. */
  readonly roles = new RoleStore({
    organization: (id) => this.organizations.get(id),
    inventory: (organizationId) => this.inventory(organizationId),
    now: () => this.now(),
    persist: () => this.persist(),
  });

  constructor(private readonly config: StoreConfig) {
    this.servedVersions = config.servedVersions;
    this.currentSettings = { ...DEFAULT_SETTINGS, ...config.settings };
    this.tokens = new TokenStore(this.clock, () => this.currentSettings);
    this.deviceCodes = new DeviceCodeStore(this.clock, () => this.currentSettings);
    for (const user of config.users) this.addUser(user.name, user.password);
    const saved = config.stateFile ? loadState(config.stateFile) : undefined;
    if (saved) {
      for (const organization of saved.organizations) {
        this.organizations.set(organization.id, organization);
        // Decided: a state file written before inventories existed gives its organizations the seeded one.
        this.inventories.set(organization.id, saved.inventories?.[organization.id] ?? seedInventory(organization.name));
      }
      this.jobs.load(saved.jobs, saved.repositories);
      // Decided: a state file written before roles existed has none.
      this.roles.load(saved.roles ?? []);
      // Likewise: one written before Entra applications existed trusts no certificate.
      this.entra.load(saved.applications ?? []);
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

  /** Back to the configuration the emulator started with: no organizations, jobs, roles, tokens or codes. */
  reset(): void {
    this.currentSettings = { ...DEFAULT_SETTINGS, ...this.config.settings };
    this.clock.reset();
    this.tokens.clear();
    this.deviceCodes.clear();
    this.users.clear();
    for (const user of this.config.users) this.addUser(user.name, user.password);
    this.organizations.clear();
    this.inventories.clear();
    this.jobs.clear();
    this.roles.clear();
    this.entra.clear();
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
    this.verifyEntraTrust(draft, body, resolution, null);
    const organization = this.build(newId(), draft, resolution, null);
    if (resolution.deviceCode) this.deviceCodes.markUsed(resolution.deviceCode);
    this.organizations.set(organization.id, organization);
    this.inventories.set(organization.id, seedInventory(organization.name));
    this.registerCertificates(organization, resolution);
    this.persist();
    return organization;
  }

  updateOrganization(id: string, body: OrganizationBody, version: ApiVersion): StoredOrganization {
    const existing = this.getOrganization(id);
    // Under "replace" the body is bound onto a fresh organization: what it omits is cleared, secrets included.
    const base = this.currentSettings.putSemantics === "replace" ? NEW_ORGANIZATION : draftOf(existing);
    const draft = applyBody(base, body, this.now());
    const resolution = resolveOrganization(draft, this.ruleContext(version, existing));
    this.verifyEntraTrust(draft, body, resolution, existing);
    const organization = this.build(id, draft, resolution, existing);
    if (resolution.deviceCode) this.deviceCodes.markUsed(resolution.deviceCode);
    this.organizations.set(id, organization);
    this.registerCertificates(organization, resolution);
    this.persist();
    return organization;
  }

  /**
   * Under deleteWithJobs "refuse", refused while any job of the organization is enabled, and its
   * disabled jobs go with it; under "cascade" every job goes with it (settings.ts, §4.5). Its
   * restore operator roles likewise under deleteWithRoles: refused while it has any, or they go.
   */
  deleteOrganization(id: string): void {
    const organization = this.getOrganization(id);
    const jobs = this.listJobs({ organizationId: id });
    const enabled = jobs.filter((job) => job.isEnabled);
    if (enabled.length > 0 && this.currentSettings.deleteWithJobs === "refuse") {
      throw organizationHasEnabledJobs(organization.name, enabled.map((job) => job.name));
    }
    const roles = this.roles.list({ organizationId: id });
    if (roles.length > 0 && this.currentSettings.deleteWithRoles === "refuse") {
      throw organizationHasRoles(organization.name, roles.map((role) => role.name));
    }
    this.jobs.dropJobs(jobs.map((job) => job.id));
    this.roles.drop(roles.map((role) => role.id));
    this.organizations.delete(id);
    this.inventories.delete(id);
    this.persist();
  }

  /** The organization's Microsoft 365 objects; 404 for an unknown organization. */
  inventory(organizationId: string): Inventory {
    this.getOrganization(organizationId);
    return this.inventories.get(organizationId) ?? EMPTY_INVENTORY;
  }

  /** Replaces the kinds `input` gives (ids assigned) and keeps the others. */
  setInventory(organizationId: string, input: InventoryInput): Inventory {
    const organization = this.getOrganization(organizationId);
    const inventory = withInventory(organization.name, this.inventory(organizationId), input);
    this.inventories.set(organizationId, inventory);
    this.persist();
    return inventory;
  }

  /**
   * Under entraTrust, an existing application (kind C) must already trust the certificate VB365
   * is given, since nobody registers it on the way; kinds A and B register it instead (below).
   */
  private verifyEntraTrust(draft: OrganizationDraft, body: OrganizationBody, resolution: Resolution, existing: StoredOrganization | null): void {
    if (!this.currentSettings.entraTrust || resolution.kind !== "existingApplication") return;
    requireTrusted(this.entra, resolution.name, presentedCredentials(draft, body, existing));
  }

  /**
   * SPEC6/7/8: with newApplicationName VB365 creates the application, and with
   * configureApplication it assigns "the certificate and required permissions" to it; either way
   * Entra then trusts the organization's certificate, in its organization.
   */
  private registerCertificates(organization: StoredOrganization, resolution: Resolution): void {
    const addedBy = resolution.kind === "newApplication" ? "newApplicationName" : resolution.kind === "existingApplicationConfigured" ? "configureApplication" : null;
    if (addedBy === null) return;
    for (const credential of entraCredentials(organization)) {
      this.entra.addCertificate(credential.applicationId, organization.name, credential.thumbprint, addedBy, this.now());
    }
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

  // Entra applications (entra.ts), as the control API changes them --------------------------

  addApplicationCertificate(applicationId: string, organizationName: string | null, thumbprint: string): StoredApplication {
    const application = this.entra.addCertificate(applicationId, organizationName, thumbprint, "control", this.now());
    this.persist();
    return application;
  }

  /** How many registrations lost the certificate (0: none had it). */
  removeApplicationCertificate(applicationId: string, thumbprint: string, organizationName: string | undefined): number {
    const removed = this.entra.removeCertificate(applicationId, thumbprint, organizationName);
    if (removed > 0) this.persist();
    return removed;
  }

  /** Whatever entraTrust says: the organizations whose sign-in Entra would refuse show `trusted: false`. */
  trustReport(): TrustReportEntry[] {
    return trustReport(this.entra, this.listOrganizations());
  }

  // Repositories and jobs (job-store.ts) -------------------------------------------------------

  listRepositories(): StoredRepository[] {
    return this.jobs.listRepositories();
  }

  createJob(input: JobInput): StoredJob {
    return this.jobs.createJob(input);
  }

  /** `replace` follows the putSemantics setting, as PUT /Organizations does. */
  updateJob(id: string, patch: JobPatch): StoredJob {
    return this.jobs.updateJob(id, patch, this.currentSettings.putSemantics === "replace");
  }

  listJobs(filter: { organizationId?: string | undefined; repositoryId?: string | undefined } = {}): StoredJob[] {
    return this.jobs.listJobs(filter);
  }

  getJob(id: string): StoredJob {
    return this.jobs.getJob(id);
  }

  deleteJob(id: string): void {
    this.jobs.deleteJob(id);
  }

  setJobEnabled(id: string, enabled: boolean): void {
    this.jobs.setJobEnabled(id, enabled);
  }

  private persist(): void {
    if (!this.config.stateFile) return;
    saveState(this.config.stateFile, {
      organizations: this.listOrganizations(),
      inventories: Object.fromEntries(this.inventories),
      jobs: this.listJobs(),
      repositories: this.listRepositories(),
      roles: this.roles.list(),
      applications: this.entra.list(),
    });
  }
}
