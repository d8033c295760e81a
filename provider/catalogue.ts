import type { Fields } from "./common/definition";
import { BACKUP_JOB_FIELDS, BACKUP_JOB_OUTPUT_FIELDS } from "./backup-job/definition";
import { ORGANIZATION_DERIVED_FIELDS, ORGANIZATION_FIELDS, ORGANIZATION_OUTPUT_FIELDS, SETTINGS_FIELDS, SETTINGS_OUTPUT_FIELDS } from "./organization/definition";
import { ROLE_FIELDS, ROLE_OUTPUT_FIELDS } from "./restore-operator-role/definition";
import { TENANT_CERTIFICATE_FIELDS, TENANT_CERTIFICATE_OUTPUTS } from "./tenant-certificate/definition";

/**
 * Every resource pulumi-vb365 offers, as its documentation (docs/resources.md) and the package
 * schema of its provider plugin describe it. The fields are the definitions themselves: nothing
 * here restates a field.
 */
export interface CatalogueEntry {
  /** The TypeScript class of the dynamic resource. */
  title: string;
  /** The resource's name in the package: its type token is `vb365:index:<name>`. */
  name: string;
  summary: string;
  inputs: Fields;
  outputs: Fields;
  /**
   * Whether the state holds the inputs (but those kept out of it) beside the outputs; else the
   * outputs list all it holds, the inputs they echo included.
   */
  keepsInputs: boolean;
  /**
   * Object-valued inputs whose fields get a table of their own in the docs, by the inputs that
   * hold them, and what the provider adds to those objects in the outputs.
   */
  nested?: Array<{ inputs: string[]; fields: Fields; outputs?: Fields }>;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    title: "TenantCertificate",
    name: "TenantCertificate",
    summary: "A per-tenant, self-signed RSA certificate and its password-protected PFX for the Entra application VB365 uses, or an existing PFX, validated and adopted.",
    inputs: TENANT_CERTIFICATE_FIELDS,
    outputs: TENANT_CERTIFICATE_OUTPUTS,
    keepsInputs: false,
  },
  {
    title: "Vb365Organization",
    name: "Organization",
    summary: "A Microsoft 365 organization in Veeam Backup for Microsoft 365, managed through its REST API (v6, v7 or v8).",
    inputs: ORGANIZATION_FIELDS,
    outputs: { ...ORGANIZATION_OUTPUT_FIELDS, ...ORGANIZATION_DERIVED_FIELDS },
    keepsInputs: true,
    nested: [{ inputs: ["exchangeOnlineSettings", "sharePointOnlineSettings"], fields: SETTINGS_FIELDS, outputs: SETTINGS_OUTPUT_FIELDS }],
  },
  {
    title: "Vb365BackupJob",
    name: "BackupJob",
    summary: "A backup job of an organization: the whole organization or selected users, groups, sites and Teams, into a repository, on a schedule. A job's items are not in the server's job listing, so `pulumi refresh` sees changes to everything but its items.",
    inputs: BACKUP_JOB_FIELDS,
    outputs: BACKUP_JOB_OUTPUT_FIELDS,
    keepsInputs: true,
  },
  {
    title: "Vb365RestoreOperatorRole",
    name: "RestoreOperatorRole",
    summary: "A restore-operator role of an organization: who of the tenant may explore and restore its backed-up data, all of it or the objects named. Its operators and items are collections of their own on the server, so `pulumi refresh` sees changes to its name, description and type.",
    inputs: ROLE_FIELDS,
    outputs: ROLE_OUTPUT_FIELDS,
    keepsInputs: true,
  },
];
