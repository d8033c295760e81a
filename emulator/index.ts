/**
 * A local emulator of the Veeam Backup for Microsoft 365 REST API (v6, v7, v8) for tests, the demo
 * and CI. See docs/emulator.md for the routes, the control API and the decisions taken where the
 * API notes are silent.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();            // HTTPS on 127.0.0.1, a free port
 * // client: base URL `${emulator.url}/v8`, trust emulator.caPem, log in as DEFAULT_USER
 * emulator.approveDeviceCode(userCode, "contoso.onmicrosoft.com");
 * expect(emulator.counters().byKind["organizations.create"]).to.equal(1);
 * await emulator.close();
 * ```
 */
import { Controller, type ApplicationCertificateInput, type DeviceCodeView, type StateDump } from "./controller";
import type { StoredApplication } from "./entra";
import type { TrustReportEntry } from "./entra-trust";
import { openEndpoint, prepareEndpoint } from "./endpoint";
import { FaultSet, type FaultSpec, type FaultView } from "./faults";
import type { Inventory, InventoryInput } from "./inventory";
import { RequestLog, type Counters, type RequestLogEntry } from "./request-log";
import { Router } from "./router";
import { ROUTES } from "./routes";
import { closeServer, createHandler } from "./server";
import { DEFAULT_SETTINGS, type EmulatorSettings } from "./settings";
import { Store, type User } from "./store";
import type { TlsMaterial } from "./tls";
import type { TokenKind } from "./tokens";
import { API_VERSIONS, type ApiVersion } from "./versions";

export type { ApiVersion } from "./versions";
export type { Counters, RequestLogEntry } from "./request-log";
export type { ApplicationCertificateInput, DeviceCodeView, StateDump } from "./controller";
export type { CertificateSource, StoredApplication, TrustedCertificate } from "./entra";
export type { TrustReportEntry } from "./entra-trust";
export type { EmulatorSettings } from "./settings";
export type { FaultSpec, FaultView } from "./faults";
export type { Inventory, InventoryGroup, InventoryInput, InventorySite, InventoryTeam, InventoryUser } from "./inventory";
export type { RouteKind } from "./routes/types";
export type { TlsMaterial } from "./tls";
export type { TokenKind } from "./tokens";
export type { User } from "./store";
export { API_VERSIONS } from "./versions";
export { DEFAULT_REPOSITORY_ID, ARCHIVE_REPOSITORY_ID, DEFAULT_PROXY_ID } from "./seed";
export { MAX_BODY_BYTES } from "./http";

/** The user that exists when no `users` are given: `admin` / `vb365-emulator`. */
export const DEFAULT_USER: Readonly<User> = Object.freeze({ name: "admin", password: "vb365-emulator" });

/** Organization that device codes sign in to when nobody names one. */
export const DEFAULT_ORGANIZATION_NAME = "contoso.onmicrosoft.com";

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default "127.0.0.1" (loopback only); anything beyond loopback needs `allowRemote`. */
  host?: string;
  /**
   * Listen on a `host` beyond loopback (0.0.0.0, a LAN address), where anyone who reaches it can
   * use the control API, which has no password. Default false: such a host is refused. When
   * true, a warning goes to `logger` (else to process warnings).
   */
  allowRemote?: boolean;
  /**
   * Host names requests may carry besides the ones the emulator answers to on its own (the
   * loopback names when it listens on loopback, the address it listens on, this machine's
   * addresses and name on 0.0.0.0): a DNS name of the machine, say. Other names get 400, so a
   * page that rebinds its name to the emulator's address cannot reach it.
   */
  allowedHosts?: readonly string[];
  /** Serve plain HTTP instead of HTTPS. Default false. */
  http?: boolean;
  /** API versions to serve; other prefixes answer 404. Default all: ["v6", "v7", "v8"]. */
  versions?: readonly ApiVersion[];
  /** Users that can log in with the password grant. Default [DEFAULT_USER]. */
  users?: readonly User[];
  /** Access token lifetime in seconds. Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Refresh token lifetime in seconds. Default 1,209,600 (14 days). */
  refreshTokenLifetimeSeconds?: number;
  /** Device code lifetime in seconds. Default 900. */
  deviceCodeLifetimeSeconds?: number;
  /** Sign every device code in automatically this many ms after it is issued. Default: never (approve them yourself). */
  autoApproveDeviceCodesMs?: number | null;
  /** Organization auto-approved codes sign in to. Default DEFAULT_ORGANIZATION_NAME. */
  autoApproveOrganizationName?: string;
  /** PUT /Organizations, PUT /Jobs and PUT /RbacRoles: keep what the body omits ("merge", the default) or clear it ("replace"). */
  putSemantics?: EmulatorSettings["putSemantics"];
  /** Cap on the size of a page (v8 listings, and v6/v7 organization object listings), whatever `limit` asks for. Default: none (the documented 10,000). */
  maxPageSize?: number | null;
  /** A capped page echoes the `limit` asked for and carries no `_links`: a server that caps silently. Default false. */
  silentPageCap?: boolean;
  /** DELETE of an organization with enabled jobs: refused with 409 ("refuse", the default) or the jobs go with it ("cascade"). */
  deleteWithJobs?: EmulatorSettings["deleteWithJobs"];
  /** DELETE of an organization with restore operator roles: refused with 409 ("refuse", the default) or the roles go with it ("cascade"). */
  deleteWithRoles?: EmulatorSettings["deleteWithRoles"];
  /** What GET /RestorePortalSettings reports. Default: not enabled. */
  restorePortal?: EmulatorSettings["restorePortal"];
  /**
   * Refuse existing-application organizations (POST, and PUT with new credentials) whose
   * certificate the Entra application does not trust, with Microsoft's AADSTS700027. Default true;
   * false accepts any certificate (the trust report still shows what Entra would refuse).
   */
  entraTrust?: boolean;
  /** Persist organizations (with their inventories), jobs, restore operator roles and repositories to this JSON file and load them on start. */
  stateFile?: string;
  /** Keep request and response bodies in the request log (secrets redacted). Default false. */
  recordBodies?: boolean;
  /** How many log entries `requests()` keeps (counters are exact regardless). Default 10,000. */
  maxLogEntries?: number;
  /** One line per request and internal errors. Default: silent. */
  logger?: (line: string) => void;
  /**
   * Called with every request log entry as it is recorded, whatever resets happen later; test
   * helpers use it to check every response against the OpenAPI contract.
   */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * Certificate for HTTPS. Default: a self-signed one, generated once per process and reused by
   * later emulators on the same host (set `reuseCertificate: false` to force a fresh one).
   */
  tls?: TlsMaterial;
  /** Reuse the process-wide generated certificate. Default true. */
  reuseCertificate?: boolean;
}

/** A running emulator. Every control operation is a typed method here and a route under /__emulator/. */
export interface Emulator {
  /** Base URL without a version, e.g. "https://127.0.0.1:41234"; API calls go to `${url}/v8/...`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly versions: readonly ApiVersion[];
  /** PEM of the self-signed certificate to trust (it is its own CA); undefined over plain HTTP. */
  readonly caPem: string | undefined;
  /** SHA-256 fingerprint of the certificate, "AB:CD:..."; undefined over plain HTTP. */
  readonly fingerprint: string | undefined;

  /** Stops listening and drops open connections. Safe to call twice. `POST /__emulator/...` has no equivalent. */
  close(): Promise<void>;
  /** Back to the start: no organizations, jobs, roles, Entra applications, tokens, device codes, faults or log; settings and users as started. `POST /__emulator/reset`. */
  reset(): void;
  /** Everything the emulator holds, secrets redacted. `GET /__emulator/state`. */
  state(): StateDump;

  /** Current runtime settings. `GET /__emulator/settings`. */
  settings(): EmulatorSettings;
  /** Changes runtime settings (lifetimes, auto-approval and its organization name). `PATCH /__emulator/settings`. */
  configure(patch: Partial<EmulatorSettings>): EmulatorSettings;
  /** Adds (or replaces) a user for the password grant. `POST /__emulator/users {name, password}`. */
  addUser(name: string, password: string): void;

  /**
   * The organization's Microsoft 365 objects (users, groups, sites, teams) with their ids; a new
   * organization starts with a seeded set (docs/emulator.md). 404 unknown organization.
   * `GET /__emulator/organizations/{organizationId}/inventory`.
   */
  inventory(organizationId: string): Inventory;
  /**
   * Replaces the kinds `input` gives (`users`, `groups`, `sites`, `teams`), keeps the others, and
   * returns the whole inventory with the ids assigned. 400 invalid or duplicate entries, 404
   * unknown organization. `PUT /__emulator/organizations/{organizationId}/inventory`.
   */
  setInventory(organizationId: string, input: InventoryInput): Inventory;

  /**
   * Microsoft Entra applications, per organization they are registered in (null: every
   * organization), with the certificates each trusts. `GET /__emulator/applications`.
   */
  applications(): StoredApplication[];
  /**
   * The customer (or the provider's Entra automation) adds a certificate to the application, by
   * `thumbprint` (any case, colons allowed) or `certificatePem`, in `organizationName` or, without
   * it, for every organization. Adding one it has changes nothing. 400 bad id or certificate.
   * `POST /__emulator/applications/{applicationId}/certificates {thumbprint | certificatePem, organizationName?}` (201).
   */
  addApplicationCertificate(applicationId: string, certificate: ApplicationCertificateInput): StoredApplication;
  /**
   * Removes the certificate from the application in `organizationName`, or in every organization.
   * 404 when none had it. `DELETE /__emulator/applications/{applicationId}/certificates/{thumbprint}?organizationName=`.
   */
  removeApplicationCertificate(applicationId: string, thumbprint: string, organizationName?: string): void;
  /**
   * Per organization with app-only credentials: `{id, name, applicationId, thumbprint, trusted,
   * settings}`; `trusted: false` is an organization whose sign-in Entra would refuse now (its jobs
   * would fail), whether or not entraTrust is on. `GET /__emulator/trust`.
   */
  trustReport(): TrustReportEntry[];

  /** Device codes issued so far. `GET /__emulator/device-codes`. */
  deviceCodes(): DeviceCodeView[];
  /**
   * The customer signs in with `userCode` to the Microsoft 365 organization `organizationName`
   * (default: settings().autoApproveOrganizationName). `tenantId` defaults to a stable id derived
   * from the name. 404 unknown code, 409 expired, used or signed in to another organization.
   * `POST /__emulator/device-codes/{userCode}/approve {organizationName?, tenantId?}`.
   */
  approveDeviceCode(userCode: string, organizationName?: string, tenantId?: string): DeviceCodeView;

  /** Adds a fault (see FaultSpec) and returns it with its id. `POST /__emulator/faults`. */
  injectFault(spec: FaultSpec): FaultView;
  /** Injected faults with their counts. `GET /__emulator/faults`. */
  faults(): FaultView[];
  /** `DELETE /__emulator/faults/{id}`. */
  removeFault(id: string): void;
  /** `DELETE /__emulator/faults`. */
  clearFaults(): void;
  /** Expires tokens now: "access", "refresh" or "all" (default). `POST /__emulator/tokens/expire {which?}`. */
  expireTokens(which?: TokenKind): void;
  /** Moves the emulator clock forward (expiry, auto-approval) and returns the new time. `POST /__emulator/clock/advance {ms}`. */
  advanceClock(ms: number): Date;

  /** API requests so far, oldest first (control requests are not logged). `GET /__emulator/requests`. */
  requests(): RequestLogEntry[];
  /** Request counts by route template, kind and status. `GET /__emulator/counters`. */
  counters(): Counters;
  /** Clears the request log and the counters. `DELETE /__emulator/counters`. */
  resetCounters(): void;
}

/** Starts an emulator and resolves once it accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const versions = [...new Set(options.versions ?? API_VERSIONS)].sort();
  if (versions.length === 0) throw new Error("startEmulator: `versions` must name at least one of v6, v7, v8.");
  const endpoint = await prepareEndpoint(options);
  // The runtime settings among the options: the keys of the defaults, where given.
  const settings = Object.fromEntries(
    Object.keys(DEFAULT_SETTINGS).flatMap((key) => (options[key as keyof EmulatorSettings] === undefined ? [] : [[key, options[key as keyof EmulatorSettings]]])),
  ) as Partial<EmulatorSettings>;
  const store = new Store({
    servedVersions: versions,
    users: options.users && options.users.length > 0 ? options.users : [DEFAULT_USER],
    settings,
    stateFile: options.stateFile,
  });
  const controller = new Controller(store, new FaultSet(), new RequestLog(options.maxLogEntries ?? 10_000));
  const handler = createHandler({
    controller,
    router: new Router(ROUTES, versions),
    hosts: endpoint.hosts,
    recordBodies: options.recordBodies ?? false,
    logger: options.logger,
    onRequest: options.onRequest,
  });
  const { server, port, url } = await openEndpoint(endpoint, handler, options);
  return {
    url,
    port,
    host: endpoint.host,
    versions,
    caPem: endpoint.tls?.certPem,
    fingerprint: endpoint.tls?.fingerprint256,
    close: () => closeServer(server),
    reset: () => controller.reset(),
    state: () => controller.state(),
    settings: () => controller.settings(),
    configure: (patch) => controller.configure(patch),
    addUser: (name, password) => controller.addUser(name, password),
    inventory: (organizationId) => controller.inventory(organizationId),
    setInventory: (organizationId, input) => controller.setInventory(organizationId, input),
    applications: () => controller.applications(),
    addApplicationCertificate: (applicationId, certificate) => controller.addApplicationCertificate(applicationId, certificate),
    removeApplicationCertificate: (applicationId, thumbprint, organizationName) => controller.removeApplicationCertificate(applicationId, thumbprint, organizationName),
    trustReport: () => controller.trustReport(),
    deviceCodes: () => controller.deviceCodes(),
    approveDeviceCode: (userCode, organizationName, tenantId) => controller.approveDeviceCode(userCode, organizationName, tenantId),
    injectFault: (spec) => controller.injectFault(spec),
    faults: () => controller.faults(),
    removeFault: (id) => controller.removeFault(id),
    clearFaults: () => controller.clearFaults(),
    expireTokens: (which) => controller.expireTokens(which),
    advanceClock: (ms) => controller.advanceClock(ms),
    requests: () => controller.requests(),
    counters: () => controller.counters(),
    resetCounters: () => controller.resetCounters(),
  };
}
