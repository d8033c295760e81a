import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Vb365Tenant } from "../provider";
import { movedMessage, movedTenants } from "./shards";
import { registeredThumbprints } from "./registrations";
import { readTenantsFile, TenantsFileError, type TenantDeclaration, type TenantsFile } from "./tenants-file";

// Onboards every tenant declared in the tenants file (stack config `tenantsFile`, default
// tenants.yaml beside Pulumi.yaml): a certificate and an organization each. Device codes are
// stack config secrets, written by `vb365 device-code --stack <stack> --config-key deviceCode-<tenant>`.
const config = new pulumi.Config();
const tenantsFile = path.resolve(pulumi.runtime.getRootDirectory(), config.get("tenantsFile") ?? "tenants.yaml");
const file = readTenants(tenantsFile);
// Pulumi.yaml declares it with an empty default: empty means the file is not split.
const shard = config.get("shard") || undefined;
const tenants = tenantsOfShard(file, shard);

function readTenants(file: string): TenantsFile {
  try {
    return readTenantsFile(file);
  } catch (error) {
    // A RunError is reported as its message alone: the stack would only point at this line.
    if (error instanceof TenantsFileError) throw new pulumi.RunError(error.message);
    throw error;
  }
}

/**
 * A file split into shards is onboarded one shard per stack (config `shard`), so that stacks of a
 * few hundred tenants run side by side instead of one of thousands; a stack that names no shard,
 * or one the file does not have, would take on the wrong tenants, so it stops before anything.
 */
function tenantsOfShard({ shards, tenants }: TenantsFile, shard: string | undefined): TenantDeclaration[] {
  const name = path.basename(tenantsFile);
  if (shards.length === 0) {
    if (shard !== undefined) throw new pulumi.RunError(`The stack config sets shard ${shard}, but ${name} has no shards: add shards: [${shard}, ...] at the top of the file, or remove the config (pulumi config rm shard).`);
    return tenants;
  }
  if (shard === undefined) throw new pulumi.RunError(`${name} splits its tenants into the shards ${shards.join(", ")}: set the shard this stack onboards, e.g. pulumi config set shard ${shards[0]}.`);
  if (!shards.includes(shard)) throw new pulumi.RunError(`The stack config sets shard ${shard}, which ${name} does not have; its shards are ${shards.join(", ")}.`);
  return tenants.filter((tenant) => tenant.shard === shard);
}

// A sharded stack reads its own last summary: a tenant it onboarded that the file now assigns to
// another shard would otherwise be removed from VB365 here. Every organization waits for that
// check, so when it fails nothing reaches VB365 and the engine, its program failed, deletes nothing.
const shardGuard = shard === undefined ? undefined : guardAgainstMoves(shard);

function guardAgainstMoves(shard: string): pulumi.Output<void> {
  const self = new pulumi.StackReference(`${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`);
  return self.getOutput("summary").apply((previous: Record<string, unknown> | undefined) => {
    const moved = movedTenants(Object.keys(previous ?? {}), file.tenants, shard);
    if (moved.length > 0) throw new pulumi.RunError(movedMessage(moved, shard, path.basename(tenantsFile)));
  });
}

function organizationArgs(tenant: TenantDeclaration) {
  const auth = tenant.authentication;
  const userCode = config.getSecret(auth.userCodeConfigKey);
  const needsCode = auth.kind === "newApplication" || (auth.kind === "existingApplication" && auth.configureApplication);
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
    ...serviceSettings(tenant),
  };
}

function certificateArgs(declared: TenantDeclaration["certificate"]) {
  if (declared === "keep") return declared;
  const { commonName, ...certificate } = declared;
  return { ...certificate, subject: { commonName } };
}

/** Each service's connection settings for the tenant's kind of authentication (credentials are the certificate's, or the server's, kept). */
function serviceSettings({ authentication: auth, organization }: TenantDeclaration) {
  switch (auth.kind) {
    case "newApplication":
      return { exchangeOnlineSettings: {}, sharePointOnlineSettings: {} };
    case "existingApplication":
      return { exchangeOnlineSettings: { applicationId: auth.applicationId, account: auth.account }, sharePointOnlineSettings: { applicationId: auth.applicationId, officeOrganizationName: organization } };
    case "basic": {
      const basic = { useApplicationOnlyAuth: false, useMfa: false, account: auth.account };
      return { exchangeOnlineSettings: basic, sharePointOnlineSettings: basic };
    }
    case "modernWithLegacy": {
      const legacy = { useApplicationOnlyAuth: false, useMfa: true, applicationId: auth.applicationId, account: auth.account };
      return { exchangeOnlineSettings: legacy, sharePointOnlineSettings: legacy };
    }
  }
}

/** The device-code config key of a tenant whose certificates VB365 registers: a fresh code there is the rotation's confirmation. */
function deviceCodeKey(tenant: TenantDeclaration): string | undefined {
  return tenant.certificateRegistration?.by === "vb365" ? tenant.authentication.userCodeConfigKey : undefined;
}

const onboarded = tenants.map((tenant) => {
  return new Vb365Tenant(tenant.name, {
    organizationName: shardGuard ? shardGuard.apply(() => tenant.organization) : tenant.organization,
    certificate: certificateArgs(tenant.certificate),
    registeredThumbprints: registeredThumbprints(tenant),
    deviceCodeConfigKey: deviceCodeKey(tenant),
    organization: organizationArgs(tenant),
    backupJobs: tenant.backup,
    restoreOperatorRoles: tenant.restoreOperators,
  });
});

/**
 * Tenant → organization id, the certificate the organization uses and its expiry, the rotation
 * (what it waits for or its switch, the next thumbprint and where its PEM is), its backup jobs,
 * its restore-operator roles and its Restore Portal step.
 */
export const summary = pulumi
  .all(
    onboarded.map((t) =>
      pulumi.output({
        organization: t.organization.name,
        organizationId: t.organizationId,
        thumbprint: t.thumbprint,
        certificateNotAfter: t.certificateNotAfter,
        certificateRotation: t.certificateRotation,
        nextThumbprint: t.nextThumbprint,
        backupJobs: t.backupJobIds,
        restoreOperatorRoles: t.restoreOperatorRoleIds,
        restorePortalStatus: t.restorePortalStatus,
        restorePortalConsentUrl: t.restorePortalConsentUrl,
      }),
    ),
  )
  .apply((rows) =>
    Object.fromEntries(
      rows.map(({ certificateRotation, nextThumbprint, backupJobs, restoreOperatorRoles, restorePortalStatus, restorePortalConsentUrl, ...row }, i) => {
        const tenant = tenants[i];
        const deviceCodeConfigKey = deviceCodeKey(tenant);
        return [
          tenant.name,
          {
            ...row,
            ...(tenant.certificateRegistration ? { certificateRegistration: tenant.certificateRegistration.by } : {}),
            ...(deviceCodeConfigKey ? { deviceCodeConfigKey } : {}),
            ...(certificateRotation ? { certificateRotation } : {}),
            ...(nextThumbprint ? { nextThumbprint, nextCertificatePem: `certificates.${tenant.name}.nextCertificatePem` } : {}),
            backupJobs: Object.keys(backupJobs),
            restoreOperatorRoles: Object.keys(restoreOperatorRoles),
            restorePortalStatus,
            restorePortalConsentUrl,
          },
        ];
      }),
    ),
  );

/**
 * Tenant → its certificates' public parts, to register on its application: the current one and,
 * during a rotation, the next one. Read from the certificates alone, so a targeted up of a
 * tenant's certificate (`pulumi up --target '**:TenantCertificate::<tenant>'`) already gives them.
 */
export const certificates = pulumi
  .all(
    onboarded.map((t) =>
      t.certificate
        ? pulumi.output({
            thumbprint: t.certificate.thumbprint,
            certificatePem: t.certificate.certificatePem,
            notAfter: t.certificate.notAfter,
            nextThumbprint: t.certificate.nextThumbprint,
            nextCertificatePem: t.certificate.nextCertificatePem,
            nextNotAfter: t.certificate.nextNotAfter,
          })
        : undefined,
    ),
  )
  .apply((rows) =>
    Object.fromEntries(
      rows.flatMap((row, i) => {
        if (!row) return [];
        const { nextThumbprint, nextCertificatePem, nextNotAfter, ...current } = row;
        return [[tenants[i].name, { ...current, ...(nextThumbprint ? { nextThumbprint, nextCertificatePem, nextNotAfter } : {}) }]];
      }),
    ),
  );

