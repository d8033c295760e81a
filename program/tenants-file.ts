import * as fs from "node:fs";
import { parseDocument } from "yaml";
import { z } from "zod";
import { propertyPath } from "../provider/common/check";
import { normaliseRegion, regionHint } from "../provider/organization/region";
import type { Region } from "../provider/organization/types";

/** One tenant of tenants.yaml, validated, with defaults filled in. */
export interface TenantDeclaration {
  /** Resource name in the stack: lower case letters, digits and dashes. */
  name: string;
  /** Microsoft 365 organization name, e.g. contoso.onmicrosoft.com. */
  organization: string;
  region: Region;
  services: { exchange: boolean; sharePoint: boolean; teams: boolean; teamsChats: boolean };
  authentication:
    | { kind: "newApplication"; applicationName: string; userCodeConfigKey: string }
    | { kind: "existingApplication"; applicationId: string; account?: string; configureApplication: boolean; userCodeConfigKey: string };
  certificate: { keySize: 2048 | 3072 | 4096; validityDays: number; rotateBeforeDays?: number; pfxEncryption: "3des" | "aes256" };
  description?: string;
  connection?: string;
  adoptExisting: boolean;
}

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ORGANIZATION = /^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tenantSchema() {
  const services = z
    .strictObject({
      exchange: z.boolean().default(true),
      sharePoint: z.boolean().default(true),
      teams: z.boolean().default(true),
      teamsChats: z.boolean().default(false),
    })
    .default({ exchange: true, sharePoint: true, teams: true, teamsChats: false });
  const certificate = z
    .strictObject({
      keySize: z.union([z.literal(2048), z.literal(3072), z.literal(4096)], { error: "must be 2048, 3072 or 4096" }).default(2048),
      validityDays: z.number().int().min(1).max(36_500).default(730),
      rotateBeforeDays: z.number().int().min(1).optional(),
      pfxEncryption: z.enum(["3des", "aes256"]).default("3des"),
    })
    .default({ keySize: 2048, validityDays: 730, pfxEncryption: "3des" });
  return z
    .strictObject({
      name: z.string().regex(NAME, { error: "must be lower case letters, digits and dashes (it names the resources), e.g. contoso" }),
      organization: z.string().regex(ORGANIZATION, { error: "must be the Microsoft 365 organization name, e.g. contoso.onmicrosoft.com" }),
      region: z
        .string()
        .default("Worldwide")
        .transform((value, context) => {
          const region = normaliseRegion(value);
          if (!region) context.addIssue({ code: "custom", message: `must be ${regionHint()}, not "${value}"` });
          return region ?? "Worldwide";
        }),
      services,
      authentication: z.discriminatedUnion(
        "kind",
        [
          z.strictObject({
            kind: z.literal("newApplication"),
            applicationName: z.string().min(1).max(120).optional(),
            userCodeConfigKey: z.string().min(1).optional(),
          }),
          z.strictObject({
            kind: z.literal("existingApplication"),
            applicationId: z.string().regex(GUID, { error: "must be the application (client) ID, a GUID" }),
            account: z.string().email({ error: "must be an account such as backup@contoso.onmicrosoft.com" }).optional(),
            configureApplication: z.boolean().default(false),
            userCodeConfigKey: z.string().min(1).optional(),
          }),
        ],
        { error: 'must have kind "newApplication" (VB365 registers an Entra application, by device code) or "existingApplication"' },
      ),
      certificate,
      description: z.string().max(1024).optional(),
      connection: z.string().min(1).optional(),
      adoptExisting: z.boolean().default(false),
    })
    .superRefine((tenant, context) => {
      if (tenant.services.teams && !(tenant.services.exchange && tenant.services.sharePoint)) {
        context.addIssue({ code: "custom", path: ["services", "teams"], message: "needs exchange and sharePoint too" });
      }
      if (tenant.services.teamsChats && tenant.authentication.kind === "newApplication") {
        context.addIssue({ code: "custom", path: ["services", "teamsChats"], message: "needs an existingApplication: VB365 cannot register a new application for Teams chats" });
      }
      const rotate = tenant.certificate.rotateBeforeDays;
      if (rotate !== undefined && rotate >= tenant.certificate.validityDays) {
        context.addIssue({ code: "custom", path: ["certificate", "rotateBeforeDays"], message: `must be less than validityDays (${tenant.certificate.validityDays})` });
      }
    });
}

function fileSchema() {
  return z.strictObject({ tenants: z.array(tenantSchema()).min(1, { error: "must list at least one tenant" }) });
}

/** A tenants file that cannot be used; the message names the file, the tenant and the field. */
export class TenantsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenantsFileError";
  }
}

/** Reads and validates a tenants file: every problem found is reported at once. */
export function loadTenantsFile(file: string): TenantDeclaration[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new TenantsFileError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Set the stack config key tenantsFile to its path.`);
  }
  return parseTenants(text, file);
}

export function parseTenants(text: string, file: string): TenantDeclaration[] {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length) {
    throw new TenantsFileError(`${file}: is not valid YAML: ${document.errors[0].message}`);
  }
  const parsed = fileSchema().safeParse(document.toJS());
  if (!parsed.success) {
    const raw = document.toJS() as { tenants?: Array<{ name?: unknown }> } | null;
    const lines = parsed.error.issues.map((issue) => {
      const [, index, ...rest] = issue.path;
      const tenant = typeof index === "number" ? `tenant ${JSON.stringify(raw?.tenants?.[index]?.name ?? `#${index + 1}`)}` : "";
      const field = propertyPath(typeof index === "number" ? rest : issue.path) || "(file)";
      return `  - ${[tenant, field].filter(Boolean).join(", ")}: ${issue.message}`;
    });
    throw new TenantsFileError(`${file} has ${lines.length} problem${lines.length === 1 ? "" : "s"}:\n${lines.join("\n")}`);
  }
  const names = new Set<string>();
  for (const tenant of parsed.data.tenants) {
    if (names.has(tenant.name)) throw new TenantsFileError(`${file}: tenant "${tenant.name}" is declared twice; names must be unique.`);
    names.add(tenant.name);
  }
  return parsed.data.tenants.map((tenant) => ({
    ...tenant,
    authentication:
      tenant.authentication.kind === "newApplication"
        ? {
            kind: "newApplication",
            applicationName: tenant.authentication.applicationName ?? `Veeam Backup for Microsoft 365 (${tenant.organization})`,
            userCodeConfigKey: tenant.authentication.userCodeConfigKey ?? userCodeConfigKey(tenant.name),
          }
        : { ...tenant.authentication, userCodeConfigKey: tenant.authentication.userCodeConfigKey ?? userCodeConfigKey(tenant.name) },
  }));
}

/** The stack config key `vb365 device-code --config-key` writes a tenant's code to. */
export function userCodeConfigKey(tenant: string): string {
  return `deviceCode-${tenant}`;
}
