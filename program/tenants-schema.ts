import { z } from "zod";
import { BACKUP_JOB_FIELDS } from "../provider/backup-job/definition";
import { ROLE_FIELDS } from "../provider/restore-operator-role/definition";
import { normaliseRegion, regionHint } from "../provider/organization/region";
import { CONFIG_KEY_RULE, configKeyProblem } from "./config-key";
import { type RoleType, roleTypeOf } from "./restore-operators";

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ORGANIZATION = /^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** RFC 5280's upper bound for a common name, which TenantCertificate enforces. */
export const MAX_COMMON_NAME = 64;

// The shapes are kept as plain objects so that the messages about unknown fields can list the
// fields that do exist from the same source as the schema.
const SERVICES = {
  exchange: z.boolean().default(true),
  sharePoint: z.boolean().default(true),
  teams: z.boolean().default(true),
  teamsChats: z.boolean().default(false),
};

const CERTIFICATE = {
  keySize: z.union([z.literal(2048), z.literal(3072), z.literal(4096)], { error: "must be 2048, 3072 or 4096" }).default(2048),
  validityDays: z.number().int().min(1).max(36_500).default(730),
  rotateBeforeDays: z.number().int().min(1).optional(),
  pfxEncryption: z.enum(["3des", "aes256"], { error: 'must be "3des" (any Windows Server) or "aes256" (Server 2019 and later)' }).default("3des"),
  commonName: z.string().min(1).max(MAX_COMMON_NAME, { error: `must be at most ${MAX_COMMON_NAME} characters (RFC 5280)` }).optional(),
};

/** `certificate: keep`: the organization keeps the credentials the server has (keepServerCredentials). */
export const KEEP = "keep";

/**
 * The tenant's certificate settings, or "keep". Not a zod union: a union reports a mistake inside
 * the mapping as "invalid input" of the whole field, and the file's messages name the field itself.
 */
function certificateField() {
  const settings = z.strictObject(CERTIFICATE);
  return z
    .unknown()
    .optional()
    .transform((value, context): typeof KEEP | z.output<typeof settings> => {
      if (value === KEEP) return KEEP;
      if (typeof value === "string") {
        context.addIssue({ code: "custom", message: `must be "keep" (the server's credentials stay as they are) or a mapping of ${Object.keys(CERTIFICATE).join(", ")}, not ${JSON.stringify(value)}` });
        return z.NEVER;
      }
      const parsed = settings.safeParse(value ?? {});
      if (parsed.success) return parsed.data;
      // zod's own issues, at their paths below this field.
      for (const issue of parsed.error.issues) context.addIssue(issue as Parameters<typeof context.addIssue>[0]);
      return z.NEVER;
    });
}

/** The stack config key a tenant's device code is read from, which `vb365 device-code --config-key` writes: the same rule. */
const USER_CODE_CONFIG_KEY = z
  .string()
  .min(1)
  .superRefine((key, context) => {
    const problem = configKeyProblem(key);
    if (problem) context.addIssue({ code: "custom", message: `${JSON.stringify(key)} ${problem}. ${CONFIG_KEY_RULE}` });
  })
  .optional();

const NEW_APPLICATION = {
  kind: z.literal("newApplication"),
  applicationName: z.string().min(1).max(120).optional(),
  userCodeConfigKey: USER_CODE_CONFIG_KEY,
};

const EXISTING_APPLICATION = {
  kind: z.literal("existingApplication"),
  applicationId: z.string().regex(GUID, { error: "must be the application (client) ID, a GUID such as 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a" }),
  account: z.string().regex(EMAIL, { error: "must be an account such as veeam-backup@contoso.onmicrosoft.com" }).optional(),
  configureApplication: z.boolean().default(false),
  userCodeConfigKey: USER_CODE_CONFIG_KEY,
};

/**
 * Organizations a server already has with basic authentication or with modern authentication and
 * legacy protocols: only taken over with their credentials kept (certificate: keep), since the
 * file holds no passwords or client secrets.
 */
const BASIC = {
  kind: z.literal("basic"),
  account: z.string().regex(EMAIL, { error: "must be the account VB365 signs in as, such as admin@contoso.onmicrosoft.com" }),
};

const LEGACY_PROTOCOLS = {
  kind: z.literal("modernWithLegacy"),
  applicationId: EXISTING_APPLICATION.applicationId,
  account: z.string().regex(EMAIL, { error: "must be the account VB365 signs in as, such as veeam-backup@contoso.onmicrosoft.com" }),
};

/** A certificate thumbprint as people copy it: any case, colons or spaces between the bytes. */
const THUMBPRINT = z
  .string({ error: "must be a certificate thumbprint (SHA-1: 40 hex digits)" })
  .transform((value) => value.replace(/[\s:]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{40}$/, { error: (issue) => `must be a certificate thumbprint (SHA-1: 40 hex digits), not ${JSON.stringify(issue.input)}` }));

/** Who registers the tenant's certificates on its Entra application (docs/tenants-file.md). */
export const REGISTRARS = ["vb365", "customer", "azuread"] as const;

/**
 * Who registers the tenant's certificates on its application, and how the program learns that
 * they did: nothing switches to a certificate without that confirmation.
 */
const REGISTRATION = {
  by: z.enum(REGISTRARS, {
    error: 'must be "vb365" (VB365 registers it when the customer signs in with a device code), "customer" (the customer registers it; list the thumbprints they confirmed) or "azuread" (an azuread stack registers it and exports the thumbprints)',
  }),
  thumbprints: z.array(THUMBPRINT, { error: "must be a list of certificate thumbprints, e.g. [86F1769B6E0544E16A6EA1E9E9BC0BB71A8DE900]" }).optional(),
  stack: z.string().regex(/^[^/\s]+\/[^/\s]+\/[^/\s]+$/, { error: "must name the azuread stack as organization/project/stack, e.g. acme/vb365-azuread/prod" }).optional(),
  output: z.string().min(1).optional(),
};

/** The stack output an azuread stack lists its registered thumbprints in, unless the file names another. */
export const DEFAULT_REGISTRATION_OUTPUT = "registeredThumbprints";

const AUTHENTICATION_KINDS = { newApplication: NEW_APPLICATION, existingApplication: EXISTING_APPLICATION, basic: BASIC, modernWithLegacy: LEGACY_PROTOCOLS } as const;

/**
 * One backup job of a tenant; its items and schedule are Vb365BackupJob's own (one definition),
 * the repository a name resolved on the server.
 */
const JOB = {
  name: z.string().regex(NAME, { error: "must be lower case letters, digits and dashes (it names the job's resource, <tenant>-<name>), e.g. exchange" }),
  jobName: z.string().trim().min(1, { error: "must be the job's name in VB365, not empty" }).max(255).optional(),
  repository: z.string().min(1).max(255).optional(),
  backupType: BACKUP_JOB_FIELDS.backupType.schema().optional(),
  selectedItems: BACKUP_JOB_FIELDS.selectedItems.schema().optional(),
  excludedItems: BACKUP_JOB_FIELDS.excludedItems.schema().optional(),
  schedule: BACKUP_JOB_FIELDS.schedule.schema().optional(),
  enabled: z.boolean().default(true),
  description: z.string().max(1024).optional(),
};

/**
 * One restore-operator role of a tenant; its operators and items are Vb365RestoreOperatorRole's
 * own (one definition). roleType is settled by roleTypeOf, so a role that names objects need not
 * say SpecificObjects as well.
 */
const ROLE = {
  name: z.string().regex(NAME, { error: "must be lower case letters, digits and dashes (it names the role's resource, <tenant>-<name>), e.g. helpdesk" }),
  description: ROLE_FIELDS.description.schema().optional(),
  roleType: ROLE_FIELDS.roleType.schema().optional(),
  operators: ROLE_FIELDS.operators.schema(),
  selectedItems: ROLE_FIELDS.selectedItems.schema().optional(),
  excludedItems: ROLE_FIELDS.excludedItems.schema().optional(),
};

/** What every tenant's jobs get unless they say otherwise: a file of hundreds does not repeat itself. */
const DEFAULTS = {
  repository: z.string().min(1).max(255).default("Default Backup Repository"),
  schedule: BACKUP_JOB_FIELDS.schedule.schema().optional(),
};

const KINDS =
  '"newApplication" (VB365 registers an Entra application; the customer signs in with a device code), "existingApplication" (the customer registered one), ' +
  'or, for an organization taken over with certificate: keep, "basic" or "modernWithLegacy"';

const TENANT = {
  name: z.string().regex(NAME, { error: "must be lower case letters, digits and dashes, at most 63 (it names the tenant's resources), e.g. contoso" }),
  organization: z.string().regex(ORGANIZATION, { error: "must be the Microsoft 365 organization name, e.g. contoso.onmicrosoft.com" }),
  region: z
    .string()
    .default("Worldwide")
    .transform((value, context) => {
      const region = normaliseRegion(value);
      if (!region) context.addIssue({ code: "custom", message: `must be ${regionHint()}, not "${value}"` });
      return region ?? "Worldwide";
    }),
  services: z.strictObject(SERVICES).default({ exchange: true, sharePoint: true, teams: true, teamsChats: false }),
  authentication: z.discriminatedUnion("kind", [z.strictObject(NEW_APPLICATION), z.strictObject(EXISTING_APPLICATION), z.strictObject(BASIC), z.strictObject(LEGACY_PROTOCOLS)], {
    error: (issue) => {
      if (issue.code !== "invalid_union") return `must be a mapping with kind ${KINDS}`;
      const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
      return kind === undefined ? `must be ${KINDS}` : `must be ${KINDS}, not ${JSON.stringify(kind)}`;
    },
  }),
  certificate: certificateField(),
  certificateRegistration: z.strictObject(REGISTRATION).optional(),
  description: z.string().max(1024).optional(),
  connection: z.string().min(1).optional(),
  adoptExisting: z.boolean().default(false),
  shard: z.string().regex(NAME, { error: "must be the name of one of the file's shards (lower case letters, digits and dashes)" }).optional(),
  backup: z.array(z.strictObject(JOB)).optional(),
  restoreOperators: z.array(z.strictObject(ROLE)).optional(),
};

/**
 * The fields that exist at a place in the file, for "did you mean" hints. `kind` picks the
 * authentication variant; undefined when the place is not a known mapping.
 */
export function fieldsAt(place: "file" | "tenant" | "services" | "certificate" | "certificateRegistration" | "authentication" | "defaults" | "backup" | "restoreOperators", kind?: unknown): string[] {
  switch (place) {
    case "file":
      return ["defaults", "shards", "tenants"];
    case "defaults":
      return Object.keys(DEFAULTS);
    case "backup":
      return Object.keys(JOB);
    case "restoreOperators":
      return Object.keys(ROLE);
    case "tenant":
      return Object.keys(TENANT);
    case "services":
      return Object.keys(SERVICES);
    case "certificate":
      return Object.keys(CERTIFICATE);
    case "certificateRegistration":
      return Object.keys(REGISTRATION);
    case "authentication":
      return Object.keys(AUTHENTICATION_KINDS[kind as keyof typeof AUTHENTICATION_KINDS] ?? NEW_APPLICATION);
  }
}

function tenantSchema() {
  return z.strictObject(TENANT).superRefine((tenant, context) => {
    const { services, certificate } = tenant;
    if (!services.exchange && !services.sharePoint) {
      context.addIssue({ code: "custom", path: ["services"], message: "must select exchange or sharePoint (or both)" });
    } else if (services.teams && !(services.exchange && services.sharePoint)) {
      context.addIssue({ code: "custom", path: ["services", "teams"], message: "needs exchange and sharePoint both true (teams defaults to true: set it to false)" });
    }
    if (services.teamsChats && (tenant.authentication.kind === "basic" || tenant.authentication.kind === "modernWithLegacy")) {
      context.addIssue({ code: "custom", path: ["services", "teamsChats"], message: "needs modern app-only authentication (kind existingApplication)" });
    }
    if (services.teamsChats && tenant.authentication.kind === "newApplication") {
      context.addIssue({ code: "custom", path: ["services", "teamsChats"], message: 'needs authentication kind "existingApplication": VB365 cannot register a new application for Teams chats' });
    }
    const jobs = new Map<string, number>();
    (tenant.backup ?? []).forEach((job, index) => {
      if (jobs.has(job.name)) context.addIssue({ code: "custom", path: ["backup", index, "name"], message: `is also the name of job #${jobs.get(job.name)! + 1} of this tenant; job names must be unique per tenant` });
      else jobs.set(job.name, index);
      const selected = job.selectedItems?.length ?? 0;
      if ((job.backupType ?? (selected ? "SelectedItems" : "EntireOrganization")) === "SelectedItems" && selected === 0) {
        context.addIssue({ code: "custom", path: ["backup", index, "selectedItems"], message: "is required with backupType SelectedItems: list what the job backs up" });
      }
    });
    roleRules(tenant.restoreOperators ?? [], context);
    registrationRules(tenant, context);
    if (certificate === KEEP) {
      if (!tenant.adoptExisting) {
        context.addIssue({ code: "custom", path: ["certificate"], message: "keep takes over the credentials of an organization the server already has: set adoptExisting: true as well" });
      }
      if (tenant.authentication.kind === "newApplication") {
        context.addIssue({ code: "custom", path: ["certificate"], message: 'keep needs authentication kind "existingApplication" with the applicationId the server reports: the application exists already' });
      }
    } else if (tenant.authentication.kind === "basic" || tenant.authentication.kind === "modernWithLegacy") {
      context.addIssue({
        code: "custom",
        path: ["authentication", "kind"],
        message: `${tenant.authentication.kind} is only for an organization the server already has, taken over with certificate: keep and adoptExisting: true: the tenants file holds no passwords or client secrets`,
      });
    } else if (certificate.rotateBeforeDays !== undefined && certificate.rotateBeforeDays >= certificate.validityDays) {
      context.addIssue({
        code: "custom",
        path: ["certificate", "rotateBeforeDays"],
        message: `must be less than validityDays (${certificate.validityDays}), or the certificate would be due for rotation as soon as it is made`,
      });
    }
  });
}

/** What each registrar takes, and which applications VB365 registers certificates on. */
function registrationRules(tenant: { authentication: { kind: string; configureApplication?: boolean }; certificateRegistration?: { by: string; thumbprints?: unknown; stack?: unknown; output?: unknown } }, context: z.RefinementCtx): void {
  const registration = tenant.certificateRegistration;
  if (!registration) return;
  const at = (field: string, message: string) => context.addIssue({ code: "custom", path: ["certificateRegistration", field], message });
  const byDeviceCode = tenant.authentication.kind === "newApplication" || tenant.authentication.configureApplication === true;
  if (registration.by === "vb365" && !byDeviceCode) {
    at("by", 'vb365 registers certificates only on an application it registers (kind newApplication) or configures (configureApplication: true), after a device-code sign-in; here the customer registers them: by: customer, or an azuread stack: by: azuread');
  }
  if (registration.thumbprints !== undefined && registration.by !== "customer") at("thumbprints", "lists the customer's confirmations: only with by: customer");
  for (const field of ["stack", "output"] as const) {
    if (registration[field] !== undefined && registration.by !== "azuread") at(field, "names the azuread stack that registers the certificates: only with by: azuread");
  }
  if (registration.by === "azuread" && registration.stack === undefined) at("stack", "is required with by: azuread: the stack that registers the certificates, as organization/project/stack");
}

/** The rules that span a tenant's roles, and those between a role's fields (Vb365RestoreOperatorRole's own). */
function roleRules(roles: ReadonlyArray<{ name: string; roleType?: RoleType; selectedItems?: unknown[] }>, context: z.RefinementCtx): void {
  const names = new Map<string, number>();
  roles.forEach((role, index) => {
    if (names.has(role.name)) context.addIssue({ code: "custom", path: ["restoreOperators", index, "name"], message: `is also the name of role #${names.get(role.name)! + 1} of this tenant; role names must be unique per tenant` });
    else names.set(role.name, index);
    const selected = role.selectedItems?.length ?? 0;
    const roleType = roleTypeOf(role);
    if (roleType === "SpecificObjects" && selected === 0) {
      context.addIssue({ code: "custom", path: ["restoreOperators", index, "selectedItems"], message: "is required with roleType SpecificObjects: list what the operators may restore" });
    }
    if (roleType === "EntireOrganization" && selected > 0) {
      context.addIssue({ code: "custom", path: ["restoreOperators", index, "selectedItems"], message: "is for roleType SpecificObjects; with EntireOrganization the operators may restore everything (excludedItems may still leave parts out)" });
    }
  });
}

/** The whole file. Names and organizations are checked for duplicates on the raw file (duplicates.ts). */
export function tenantsFileSchema() {
  return z.strictObject({
    defaults: z.strictObject(DEFAULTS).default({ repository: "Default Backup Repository" }),
    shards: z
      .array(z.string().regex(NAME, { error: "must be lower case letters, digits and dashes, e.g. eu-1" }), { error: "must be a list of shard names, e.g. [eu-1, eu-2]" })
      .min(1, { error: "must name at least one shard" })
      .optional(),
    tenants: z.array(tenantSchema()).min(1, { error: "must list at least one tenant" }),
  }).superRefine((file, context) => {
    const shards = file.shards ?? [];
    shards.forEach((shard, index) => {
      if (shards.indexOf(shard) !== index) context.addIssue({ code: "custom", path: ["shards", index], message: `names the shard ${shard} twice` });
    });
    file.tenants.forEach((tenant, index) => {
      if (tenant.shard === undefined || shards.includes(tenant.shard)) return;
      const message = shards.length === 0 ? "needs the file's list of shards: add shards: [...] at the top of the file" : `must be one of the file's shards: ${shards.join(", ")}`;
      context.addIssue({ code: "custom", path: ["tenants", index, "shard"], message });
    });
  });
}

export type ParsedTenantsFile = z.output<ReturnType<typeof tenantsFileSchema>>;
export type ParsedTenant = ParsedTenantsFile["tenants"][number];
