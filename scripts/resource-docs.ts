import * as fs from "node:fs";
import * as path from "node:path";
import { type DocumentedResource, resourceDocs } from "../provider/common/definition-docs";
import { BACKUP_JOB_FIELDS, BACKUP_JOB_OUTPUT_FIELDS } from "../provider/backup-job/definition";
import { ROLE_FIELDS, ROLE_OUTPUT_FIELDS } from "../provider/restore-operator-role/definition";
import { ORGANIZATION_DERIVED_FIELDS, ORGANIZATION_FIELDS, ORGANIZATION_OUTPUT_FIELDS, SETTINGS_FIELDS, SETTINGS_OUTPUT_FIELDS } from "../provider/organization/definition";
import { TENANT_CERTIFICATE_FIELDS, TENANT_CERTIFICATE_OUTPUTS } from "../provider/tenant-certificate/definition";

/** The resources docs/resources.md documents, in its order. */
export const DOCUMENTED_RESOURCES: DocumentedResource[] = [
  {
    title: "TenantCertificate",
    summary: "A per-tenant, self-signed RSA certificate and its password-protected PFX for the Entra application VB365 uses, or an existing PFX, validated and adopted.",
    inputs: TENANT_CERTIFICATE_FIELDS,
    outputs: TENANT_CERTIFICATE_OUTPUTS,
  },
  {
    title: "Vb365Organization",
    summary: "A Microsoft 365 organization in Veeam Backup for Microsoft 365, managed through its REST API (v6, v7 or v8).",
    inputs: ORGANIZATION_FIELDS,
    nested: { "exchangeOnlineSettings, sharePointOnlineSettings": SETTINGS_FIELDS },
    outputs: { ...ORGANIZATION_OUTPUT_FIELDS, ...ORGANIZATION_DERIVED_FIELDS, ...Object.fromEntries(Object.entries(SETTINGS_OUTPUT_FIELDS).map(([name, field]) => [`<service>.${name}`, field])) },
  },
  {
    title: "Vb365BackupJob",
    summary: "A backup job of an organization: the whole organization or selected users, groups, sites and Teams, into a repository, on a schedule. A job's items are not in the server's job listing, so `pulumi refresh` sees changes to everything but its items.",
    inputs: BACKUP_JOB_FIELDS,
    outputs: BACKUP_JOB_OUTPUT_FIELDS,
  },
  {
    title: "Vb365RestoreOperatorRole",
    summary: "A restore-operator role of an organization: who of the tenant may explore and restore its backed-up data, all of it or the objects named. Its operators and items are collections of their own on the server, so `pulumi refresh` sees changes to its name, description and type.",
    inputs: ROLE_FIELDS,
    outputs: ROLE_OUTPUT_FIELDS,
  },
];

export const RESOURCE_DOCS_FILE = path.join(__dirname, "..", "docs", "resources.md");

// `npm run docs` writes docs/resources.md from the definitions; test/unit/resources/docs.test.ts
// fails while the committed file differs from what this renders.
if (require.main === module) fs.writeFileSync(RESOURCE_DOCS_FILE, resourceDocs(DOCUMENTED_RESOURCES));
