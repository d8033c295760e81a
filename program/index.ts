import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Vb365Tenant } from "../provider";
import { loadTenantsFile, TenantsFileError, type TenantDeclaration } from "./tenants-file";

// Onboards every tenant declared in the tenants file (stack config `tenantsFile`, default
// tenants.yaml beside Pulumi.yaml): a certificate and an organization each. Device codes are
// stack config secrets, written by `vb365 device-code --stack <stack> --config-key deviceCode-<tenant>`.
const config = new pulumi.Config();
const tenantsFile = path.resolve(pulumi.runtime.getRootDirectory(), config.get("tenantsFile") ?? "tenants.yaml");
const tenants = readTenants(tenantsFile);

function readTenants(file: string): TenantDeclaration[] {
  try {
    return loadTenantsFile(file);
  } catch (error) {
    // A RunError is reported as its message alone: the stack would only point at this line.
    if (error instanceof TenantsFileError) throw new pulumi.RunError(error.message);
    throw error;
  }
}

function organizationArgs(tenant: TenantDeclaration) {
  const auth = tenant.authentication;
  const userCode = config.getSecret(auth.userCodeConfigKey);
  const needsCode = auth.kind === "newApplication" || auth.configureApplication;
  if (needsCode && userCode === undefined) {
    // Only a problem before the organization exists; after that the code is never used again.
    pulumi.log.info(`${tenant.name}: no device code in config ${auth.userCodeConfigKey}; run \`vb365 device-code --stack ${pulumi.getStack()} --config-key ${auth.userCodeConfigKey} --wait\` if it still has to be added.`);
  }
  const existing = auth.kind === "existingApplication" ? auth : undefined;
  return {
    region: tenant.region,
    isExchangeOnline: tenant.services.exchange,
    isSharePointOnline: tenant.services.sharePoint,
    isTeamsOnline: tenant.services.teams,
    isTeamsChatsOnline: tenant.services.teamsChats,
    description: tenant.description,
    connection: tenant.connection,
    adoptExisting: tenant.adoptExisting,
    newApplicationName: auth.kind === "newApplication" ? auth.applicationName : undefined,
    configureApplication: existing?.configureApplication,
    userCode: needsCode ? userCode : undefined,
    exchangeOnlineSettings: existing ? { applicationId: existing.applicationId, account: existing.account } : {},
    sharePointOnlineSettings: existing ? { applicationId: existing.applicationId, officeOrganizationName: tenant.organization } : {},
  };
}

function certificateArgs(declared: TenantDeclaration["certificate"]) {
  if (declared === "keep") return declared;
  const { commonName, ...certificate } = declared;
  return { ...certificate, subject: { commonName } };
}

const onboarded = tenants.map((tenant) => {
  return new Vb365Tenant(tenant.name, {
    organizationName: tenant.organization,
    certificate: certificateArgs(tenant.certificate),
    organization: organizationArgs(tenant),
    backupJobs: tenant.backup,
    restoreOperatorRoles: tenant.restoreOperators,
  });
});

/** Tenant → organization id, certificate thumbprint and expiry, its backup jobs, its restore-operator roles and its Restore Portal step. */
export const summary = pulumi
  .all(
    onboarded.map((t) =>
      pulumi.all([t.organization.name, t.organizationId, t.thumbprint, t.certificateNotAfter, t.backupJobIds, t.restoreOperatorRoleIds, t.restorePortalStatus, t.restorePortalConsentUrl]),
    ),
  )
  .apply((rows) =>
    Object.fromEntries(
      rows.map(([organization, organizationId, thumbprint, certificateNotAfter, backupJobs, restoreOperatorRoles, restorePortalStatus, restorePortalConsentUrl], i) => [
        tenants[i].name,
        {
          organization,
          organizationId,
          thumbprint,
          certificateNotAfter,
          backupJobs: Object.keys(backupJobs),
          restoreOperatorRoles: Object.keys(restoreOperatorRoles),
          restorePortalStatus,
          restorePortalConsentUrl,
        },
      ]),
    ),
  );
