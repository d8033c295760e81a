import { z } from "zod";
import { parseGuid } from "./binding";
import { normalizeThumbprint, thumbprintOfPem } from "./certificate";
import type { StoredApplication } from "./entra";
import type { TrustReportEntry } from "./entra-trust";
import { ApiError } from "./errors";
import { faultSpecSchema, type FaultSet, type FaultSpec, type FaultView } from "./faults";
import { inventoryInputSchema, type Inventory, type InventoryInput } from "./inventory";
import type { StoredDeviceCode, StoredJob, StoredOrganization, StoredRepository, StoredRole } from "./model";
import { redact } from "./redact";
import type { Counters, RequestLog, RequestLogEntry } from "./request-log";
import { settingsPatchSchema, type EmulatorSettings } from "./settings";
import type { Store } from "./store";
import type { TokenKind } from "./tokens";
import type { ApiVersion } from "./versions";

/** A device code as the control API shows it. */
export interface DeviceCodeView {
  userCode: string;
  region: string;
  issuedAt: string;
  expiresAt: string;
  expired: boolean;
  signedIn: boolean;
  /** The Microsoft 365 organization the code was signed in to, once it was. */
  organizationName: string | null;
  tenantId: string | null;
  used: boolean;
}

/** A certificate for an application, by thumbprint or as the certificate itself; `organizationName` scopes it to one organization. */
export interface ApplicationCertificateInput {
  thumbprint?: string;
  certificatePem?: string;
  organizationName?: string;
}

/** Everything the emulator holds. Secrets are never stored; anything secret-looking is redacted anyway. */
export interface StateDump {
  now: string;
  versions: ApiVersion[];
  settings: EmulatorSettings;
  users: string[];
  organizations: StoredOrganization[];
  /** Each organization's Microsoft 365 objects, by organization id. */
  inventories: Record<string, Inventory>;
  jobs: StoredJob[];
  repositories: StoredRepository[];
  /** Restore operator roles with their operators and objects. */
  roles: StoredRole[];
  /** Entra applications with the certificates each trusts. */
  applications: StoredApplication[];
  deviceCodes: DeviceCodeView[];
  tokens: { access: number; refresh: number; activeAccess: number };
  faults: FaultView[];
}

/** The operations of the control surface, shared by the HTTP control routes and the Emulator object. */
export class Controller {
  constructor(
    readonly store: Store,
    readonly faultSet: FaultSet,
    readonly log: RequestLog,
  ) {}

  reset(): void {
    this.store.reset();
    this.faultSet.clear();
    this.log.clear();
  }

  state(): StateDump {
    const store = this.store;
    const dump: StateDump = {
      now: new Date(store.now()).toISOString(),
      versions: [...store.servedVersions],
      settings: store.settings(),
      users: store.userNames(),
      organizations: store.listOrganizations(),
      inventories: Object.fromEntries(store.listOrganizations().map((organization) => [organization.id, store.inventory(organization.id)])),
      jobs: store.listJobs(),
      repositories: store.listRepositories(),
      roles: store.roles.list(),
      applications: store.entra.list(),
      deviceCodes: store.deviceCodes.list().map((code) => this.deviceCodeView(code)),
      tokens: store.tokens.summary(),
      faults: this.faultSet.list(),
    };
    return redact(JSON.parse(JSON.stringify(dump))) as StateDump;
  }

  settings(): EmulatorSettings {
    return this.store.settings();
  }

  configure(patch: Partial<EmulatorSettings>): EmulatorSettings {
    return this.store.configure(parse(settingsPatchSchema(), patch, "settings"));
  }

  addUser(name: string, password: string): void {
    const user = parse(z.object({ name: z.string().trim().min(1), password: z.string().min(1) }), { name, password }, "user");
    this.store.addUser(user.name, user.password);
  }

  /** 404 for an unknown organization, as the API answers. Copies, so a caller cannot change the store's. */
  inventory(organizationId: string): Inventory {
    return structuredClone(this.store.inventory(parseGuid(organizationId) ?? organizationId));
  }

  setInventory(organizationId: string, input: InventoryInput): Inventory {
    const id = parseGuid(organizationId) ?? organizationId;
    this.store.getOrganization(id);
    return structuredClone(this.store.setInventory(id, parse(inventoryInputSchema(), input, "inventory")));
  }

  applications(): StoredApplication[] {
    return structuredClone(this.store.entra.list());
  }

  addApplicationCertificate(applicationId: string, input: ApplicationCertificateInput): StoredApplication {
    const id = applicationGuid(applicationId);
    const certificate = parse(applicationCertificateSchema(), input, "certificate");
    let thumbprint: string | undefined;
    if (certificate.thumbprint !== undefined) {
      thumbprint = normalizeThumbprint(certificate.thumbprint);
      if (thumbprint === undefined) throw new ApiError(400, `Invalid certificate at thumbprint: expected 40 hexadecimal digits (the certificate's SHA-1), not '${certificate.thumbprint}'.`);
    } else {
      thumbprint = thumbprintOfPem(certificate.certificatePem!);
      if (thumbprint === undefined) throw new ApiError(400, "Invalid certificate at certificatePem: expected a PEM certificate (-----BEGIN CERTIFICATE----- …).");
    }
    return structuredClone(this.store.addApplicationCertificate(id, certificate.organizationName ?? null, thumbprint));
  }

  removeApplicationCertificate(applicationId: string, thumbprint: string, organizationName?: string): void {
    const id = applicationGuid(applicationId);
    const normalized = normalizeThumbprint(thumbprint);
    if (normalized === undefined) throw new ApiError(400, `Invalid thumbprint: expected 40 hexadecimal digits (the certificate's SHA-1), not '${thumbprint}'.`);
    const scope = organizationName?.trim() || undefined;
    if (this.store.removeApplicationCertificate(id, normalized, scope) === 0) {
      throw new ApiError(404, `Application '${id}' has no certificate with the thumbprint ${normalized}${scope ? ` in the organization '${scope}'` : ""}.`);
    }
  }

  trustReport(): TrustReportEntry[] {
    return this.store.trustReport();
  }

  deviceCodes(): DeviceCodeView[] {
    return this.store.deviceCodes.list().map((code) => this.deviceCodeView(code));
  }

  approveDeviceCode(userCode: string, organizationName?: string, tenantId?: string): DeviceCodeView {
    const input = parse(
      z.object({ organizationName: z.string().trim().min(1).optional(), tenantId: z.uuid().optional() }),
      { organizationName, tenantId },
      "approval",
    );
    return this.deviceCodeView(this.store.deviceCodes.approve(userCode, input.organizationName, input.tenantId?.toLowerCase()));
  }

  injectFault(spec: FaultSpec): FaultView {
    return this.faultSet.add(parse(faultSpecSchema(), spec, "fault") as FaultSpec);
  }

  faults(): FaultView[] {
    return this.faultSet.list();
  }

  removeFault(id: string): void {
    if (!this.faultSet.remove(id)) throw new ApiError(404, `Fault '${id}' was not found.`);
  }

  clearFaults(): void {
    this.faultSet.clear();
  }

  expireTokens(which: TokenKind = "all"): void {
    this.store.tokens.expire(parse(z.enum(["access", "refresh", "all"]), which, "which"));
  }

  advanceClock(ms: number): Date {
    return new Date(this.store.clock.advance(parse(z.number().min(0).finite(), ms, "ms")));
  }

  requests(): RequestLogEntry[] {
    return this.log.list();
  }

  counters(): Counters {
    return this.log.counters();
  }

  resetCounters(): void {
    this.log.clear();
  }

  private deviceCodeView(code: StoredDeviceCode): DeviceCodeView {
    return {
      userCode: code.userCode,
      region: code.region,
      issuedAt: new Date(code.issuedAt).toISOString(),
      expiresAt: new Date(code.expiresAt).toISOString(),
      expired: this.store.now() >= code.expiresAt,
      signedIn: code.approval !== null,
      organizationName: code.approval?.organizationName ?? null,
      tenantId: code.approval?.tenantId ?? null,
      used: code.usedAt !== null,
    };
  }
}

function applicationGuid(applicationId: string): string {
  const id = parseGuid(applicationId);
  if (id === undefined) throw new ApiError(400, `Invalid application id: '${applicationId}' is not a GUID.`);
  return id;
}

function applicationCertificateSchema() {
  return z
    .object({ thumbprint: z.string().optional(), certificatePem: z.string().optional(), organizationName: z.string().trim().min(1).optional() })
    .strict()
    .refine((input) => (input.thumbprint === undefined) !== (input.certificatePem === undefined), { message: "Give either thumbprint or certificatePem." });
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new ApiError(400, `Invalid ${what}${path}: ${issue.message}`);
}
