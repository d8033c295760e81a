import type { Region } from "../provider/organization/types";
import { duplicateProblems } from "./duplicates";
import { type Problem, problemsFromIssues, subjectOf } from "./problems";
import { defaultJobs, type TenantJob } from "./default-jobs";
import { declaredRole, type TenantRole } from "./restore-operators";
import { DEFAULT_REGISTRATION_OUTPUT, KEEP, MAX_COMMON_NAME, type ParsedTenant, type ParsedTenantsFile, tenantsFileSchema } from "./tenants-schema";
import { shardOf } from "./shards";
import { lineOf } from "./yaml-location";
import { parseTenantsYaml, readTenantsText, TenantsFileError } from "./yaml-reader";

export { TenantsFileError } from "./yaml-reader";

/** One tenant of tenants.yaml, validated, with defaults filled in (docs/tenants-file.md). */
export interface TenantDeclaration {
  /** Resource name in the stack: lower case letters, digits and dashes. */
  name: string;
  /** Microsoft 365 organization name, e.g. contoso.onmicrosoft.com. */
  organization: string;
  region: Region;
  services: { exchange: boolean; sharePoint: boolean; teams: boolean; teamsChats: boolean };
  authentication:
    | { kind: "newApplication"; applicationName: string; userCodeConfigKey: string }
    | { kind: "existingApplication"; applicationId: string; /** Undefined only where the server's credentials are kept and it reports none. */ account?: string; configureApplication: boolean; userCodeConfigKey: string }
    | { kind: "basic"; account: string; userCodeConfigKey: string }
    | { kind: "modernWithLegacy"; applicationId: string; account: string; userCodeConfigKey: string };
  /**
   * Who registers the tenant's certificates on its application, with the confirmations of the
   * customer or the azuread stack that registers them; undefined where the tenant's kind takes no
   * certificate (basic authentication, legacy protocols: kept credentials only).
   */
  certificateRegistration?: CertificateRegistration;
  /** The certificate to make, or "keep": the organization keeps the credentials the server has. */
  certificate: typeof KEEP | { commonName: string; keySize: 2048 | 3072 | 4096; validityDays: number; rotateBeforeDays?: number; pfxEncryption: "3des" | "aes256" };
  description?: string;
  connection?: string;
  adoptExisting: boolean;
  /** The shard whose stack onboards it: its own `shard:`, else by hash of its name; undefined when the file has no shards. */
  shard?: string;
  /** Its backup jobs: as declared, or Veeam's default split by service; an empty list means none. */
  backup: TenantJob[];
  /** Its restore-operator roles, as declared; none when it declares none. */
  restoreOperators: TenantRole[];
}

/** Who registers a tenant's certificates, and where the program reads what they registered. */
export type CertificateRegistration =
  | { by: "vb365" }
  | { by: "customer"; /** The thumbprints the customer confirmed registering, uppercase. */ thumbprints: string[] }
  | { by: "azuread"; /** organization/project/stack */ stack: string; /** Its output: Microsoft 365 organization name → registered thumbprints. */ output: string };

/** A tenants file, validated: its tenants with defaults filled in, and its shards (none when it is not split). */
export interface TenantsFile {
  shards: string[];
  tenants: TenantDeclaration[];
}

/** Reads and validates a tenants file: every problem found is reported at once. */
export function loadTenantsFile(file: string): TenantDeclaration[] {
  return readTenantsFile(file).tenants;
}

/** Validates the text of a tenants file; `file` only names it in messages. */
export function parseTenants(text: string, file: string): TenantDeclaration[] {
  return parseTenantsFile(text, file).tenants;
}

/** loadTenantsFile, with the file's shards. */
export function readTenantsFile(file: string): TenantsFile {
  let text: string;
  try {
    text = readTenantsText(file);
  } catch (error) {
    if (error instanceof TenantsFileError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : `cannot be read (${(error as Error).message})`;
    throw new TenantsFileError(`${file} ${reason}. Set the stack config key tenantsFile to the path of your tenants file (relative to Pulumi.yaml).`);
  }
  return parseTenantsFile(text, file);
}

/** parseTenants, with the file's shards. */
export function parseTenantsFile(text: string, file: string): TenantsFile {
  const { document, lines, raw } = parseTenantsYaml(text, file);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new TenantsFileError(`${file} ${raw === null || raw === undefined ? "is empty" : "is not a mapping"}: it must start with "tenants:" followed by a list of tenants (see docs/tenants-file.md).`);
  }
  const parsed = tenantsFileSchema().safeParse(raw);
  const problems = [...(parsed.success ? [] : problemsFromIssues(parsed.error.issues, raw)), ...duplicateProblems(raw)];
  if (!parsed.success || problems.length) {
    const located = problems.map((problem) => ({ problem, line: lineOf(document, lines, problem.path) })).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new TenantsFileError(report(file, located, raw));
  }
  const shards = parsed.data.shards ?? [];
  const tenants = parsed.data.tenants.map((tenant) => withDefaults(tenant, parsed.data.defaults));
  for (const tenant of tenants) if (shards.length > 0) tenant.shard ??= shardOf(tenant.name, shards);
  return { shards, tenants };
}

function report(file: string, problems: Array<{ problem: Problem; line?: number }>, raw: unknown): string {
  const lines = problems.map(({ problem, line }) => `  - ${subjectOf(problem.path, raw)}${line ? ` (line ${line})` : ""}: ${problem.message}`);
  return `${file} has ${lines.length} problem${lines.length === 1 ? "" : "s"} (reference: docs/tenants-file.md):\n${lines.join("\n")}`;
}

function withDefaults(tenant: ParsedTenant, defaults: ParsedTenantsFile["defaults"]): TenantDeclaration {
  const auth = tenant.authentication;
  const userCode = ("userCodeConfigKey" in auth ? auth.userCodeConfigKey : undefined) ?? userCodeConfigKey(tenant.name);
  return {
    ...tenant,
    backup: tenant.backup === undefined ? defaultJobs(tenant.services, defaults.repository, defaults.schedule) : tenant.backup.map((job) => declaredJob(job, defaults)),
    restoreOperators: (tenant.restoreOperators ?? []).map(declaredRole),
    authentication: declaredAuthentication(auth, tenant, userCode),
    certificateRegistration: declaredRegistration(tenant),
    certificate: tenant.certificate === KEEP ? KEEP : { ...tenant.certificate, commonName: tenant.certificate.commonName ?? defaultCommonName(tenant.organization) },
  };
}

function declaredAuthentication(auth: ParsedTenant["authentication"], tenant: ParsedTenant, userCode: string): TenantDeclaration["authentication"] {
  switch (auth.kind) {
    case "newApplication":
      return { kind: "newApplication", applicationName: auth.applicationName ?? `Veeam Backup for Microsoft 365 (${tenant.organization})`, userCodeConfigKey: userCode };
    case "existingApplication":
      // A kept organization is declared as the server has it: no account it does not report.
      return { ...auth, account: auth.account ?? (tenant.certificate === KEEP ? undefined : `veeam-backup@${tenant.organization}`), userCodeConfigKey: userCode };
    default:
      return { ...auth, userCodeConfigKey: userCode };
  }
}

/**
 * The file's registration, or the safe default: VB365 for the applications it registers or
 * configures (a fresh device code confirms), the customer for an existing application (nothing
 * confirmed until the file lists it).
 */
function declaredRegistration(tenant: ParsedTenant): CertificateRegistration | undefined {
  const auth = tenant.authentication;
  if (auth.kind === "basic" || auth.kind === "modernWithLegacy") return undefined;
  const declared = tenant.certificateRegistration;
  const by = declared?.by ?? (auth.kind === "newApplication" || auth.configureApplication ? "vb365" : "customer");
  if (by === "vb365") return { by };
  if (by === "customer") return { by, thumbprints: [...new Set(declared?.thumbprints ?? [])] };
  return { by, stack: declared?.stack ?? "", output: declared?.output ?? DEFAULT_REGISTRATION_OUTPUT };
}

function declaredJob(job: NonNullable<ParsedTenant["backup"]>[number], defaults: ParsedTenantsFile["defaults"]): TenantJob {
  const { repository, enabled, schedule, ...rest } = job;
  const backupType = job.backupType ?? (job.selectedItems?.length ? "SelectedItems" : "EntireOrganization");
  const chosen = schedule ?? defaults.schedule;
  return { ...rest, backupType, repositoryName: repository ?? defaults.repository, isEnabled: enabled, ...(chosen ? { schedule: chosen } : {}) };
}

/**
 * "<organization> VB365", cut to the 64 characters a common name may have: a long custom domain
 * must not stop the preview, and the cut is stable, so the certificate is not replaced later.
 */
export function defaultCommonName(organization: string): string {
  const suffix = " VB365";
  return `${organization.slice(0, MAX_COMMON_NAME - suffix.length)}${suffix}`;
}

/** The stack config key `vb365 device-code --config-key` writes a tenant's code to. */
export function userCodeConfigKey(tenant: string): string {
  return `deviceCode-${tenant}`;
}
