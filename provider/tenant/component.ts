import * as pulumi from "@pulumi/pulumi";
import { Vb365BackupJob, type Vb365BackupJobArgs } from "../backup-job/resource";
import { Vb365Organization, type Vb365OrganizationArgs } from "../organization/resource";
import { Vb365RestoreOperatorRole, type Vb365RestoreOperatorRoleArgs } from "../restore-operator-role/resource";
import { TenantCertificate, type TenantCertificateArgs } from "../tenant-certificate/resource";


export interface Vb365TenantArgs {
  /** The Microsoft 365 organization name, e.g. contoso.onmicrosoft.com. */
  organizationName: pulumi.Input<string>;
  /**
   * The tenant's own certificate. `subject` defaults to `{ commonName: "<organizationName> VB365" }`.
   * `"keep"`: no certificate is made; the organization, taken over from the server
   * (`adoptExisting`), keeps the credentials it has (`keepServerCredentials`).
   * @default a 2048-bit, 3DES PFX valid for ten years
   */
  certificate?: Partial<TenantCertificateArgs> | "keep";
  /** The organization; its application certificate and password come from the certificate. */
  organization: Omit<Vb365OrganizationArgs, "organizationName" | "applicationCertificate" | "applicationCertificatePassword" | "keepServerCredentials">;
  /**
   * The organization's backup jobs, each a Vb365BackupJob named `<tenant>-<name>` (in VB365 too,
   * unless it gives its own `jobName`), on the organization's connection.
   */
  backupJobs?: TenantBackupJob[];
  /**
   * The organization's restore-operator roles, each a Vb365RestoreOperatorRole named
   * `<tenant>-<name>` (in VB365 too, unless it gives its own `roleName`), on the organization's
   * connection.
   */
  restoreOperatorRoles?: TenantRestoreOperatorRole[];
}

/** One job of a Vb365Tenant: a Vb365BackupJob without what the tenant supplies. */
export type TenantBackupJob = Omit<Vb365BackupJobArgs, "organizationId" | "connection" | "name"> & {
  /** Names the job's resource, `<tenant>-<name>`. */
  name: string;
  /** The job's name in VB365. @default `<tenant>-<name>` */
  jobName?: pulumi.Input<string>;
};

/** One restore-operator role of a Vb365Tenant: a Vb365RestoreOperatorRole without what the tenant supplies. */
export type TenantRestoreOperatorRole = Omit<Vb365RestoreOperatorRoleArgs, "organizationId" | "connection" | "name"> & {
  /** Names the role's resource, `<tenant>-<name>`. */
  name: string;
  /** The role's name in VB365. @default `<tenant>-<name>` */
  roleName?: pulumi.Input<string>;
};

/**
 * One Microsoft 365 tenant in VB365: its own certificate (so one compromised certificate never
 * exposes another tenant), the organization that uses it, the backup jobs that protect it and the
 * roles of those who may restore from them.
 * Rotating the certificate updates the organization in place.
 */
export class Vb365Tenant extends pulumi.ComponentResource {
  /** Undefined where the tenant keeps the server's credentials (`certificate: "keep"`). */
  readonly certificate: TenantCertificate | undefined;
  readonly organization: Vb365Organization;
  readonly organizationId: pulumi.Output<string>;
  readonly backupJobs: Vb365BackupJob[];
  /** Each job's id on the server, by the job's `name`. */
  readonly backupJobIds: pulumi.Output<Record<string, string>>;
  readonly restoreOperatorRoles: Vb365RestoreOperatorRole[];
  /** Each role's id on the server, by the role's `name`. */
  readonly restoreOperatorRoleIds: pulumi.Output<Record<string, string>>;
  /** The certificate's thumbprint: of the one made, or the one the server reports where it is kept. */
  readonly thumbprint: pulumi.Output<string>;
  /** When the certificate expires; undefined where it is kept (the server does not report it). */
  readonly certificateNotAfter: pulumi.Output<string | undefined>;
  /** Whether the tenant can use the Restore Portal, and why (Vb365Organization.restorePortalStatus). */
  readonly restorePortalStatus: pulumi.Output<string | undefined>;
  /** The customer's one-time admin-consent URL for the Restore Portal, where it is available. */
  readonly restorePortalConsentUrl: pulumi.Output<string | undefined>;

  constructor(name: string, args: Vb365TenantArgs, opts?: pulumi.ComponentResourceOptions) {
    super("vb365:index:Tenant", name, {}, opts);
    const child = { parent: this };
    const kept = args.certificate === "keep";
    const certificate = args.certificate === "keep" ? undefined : args.certificate;
    this.certificate = kept
      ? undefined
      : new TenantCertificate(
          name,
          {
            subject: pulumi.output(args.organizationName).apply((organization) => ({ commonName: `${organization} VB365` })),
            ...certificate,
          },
          child,
        );
    this.organization = new Vb365Organization(
      name,
      {
        ...args.organization,
        organizationName: args.organizationName,
        // Shared by both services: the PFX is sent to VB365 for each, but stored once.
        applicationCertificate: this.certificate?.pfxBase64,
        applicationCertificatePassword: this.certificate?.password,
        ...(kept ? { keepServerCredentials: true } : {}),
        exchangeOnlineSettings: args.organization.exchangeOnlineSettings ?? {},
        sharePointOnlineSettings: args.organization.sharePointOnlineSettings ?? {},
      },
      child,
    );
    this.organizationId = this.organization.organizationId;
    this.thumbprint = this.certificate?.thumbprint ?? serverThumbprint(this.organization);
    this.certificateNotAfter = this.certificate ? this.certificate.notAfter : pulumi.output(undefined);
    this.restorePortalStatus = this.organization.restorePortalStatus;
    this.restorePortalConsentUrl = this.organization.restorePortalConsentUrl;
    // Children of the tenant that depend on its organization: Pulumi deletes them first.
    // An organization taken over from the server brings its jobs: each is taken over by its name too.
    const adoptJobs = args.organization.adoptExisting;
    this.backupJobs = (args.backupJobs ?? []).map(({ name: jobKey, jobName, ...job }) =>
      new Vb365BackupJob(
        `${name}-${jobKey}`,
        { adoptExisting: adoptJobs, ...job, name: jobName ?? `${name}-${jobKey}`, organizationId: this.organizationId, connection: args.organization.connection },
        child,
      ),
    );
    this.backupJobIds = pulumi.all(this.backupJobs.map((job) => job.jobId)).apply((ids) => Object.fromEntries((args.backupJobs ?? []).map((job, i) => [job.name, ids[i]])));
    this.restoreOperatorRoles = (args.restoreOperatorRoles ?? []).map(({ name: roleKey, roleName, ...role }) =>
      new Vb365RestoreOperatorRole(`${name}-${roleKey}`, { ...role, name: roleName ?? `${name}-${roleKey}`, organizationId: this.organizationId, connection: args.organization.connection }, child),
    );
    this.restoreOperatorRoleIds = pulumi.all(this.restoreOperatorRoles.map((role) => role.roleId)).apply((ids) => Object.fromEntries((args.restoreOperatorRoles ?? []).map((role, i) => [role.name, ids[i]])));
    this.registerOutputs({
      organizationId: this.organizationId,
      thumbprint: this.thumbprint,
      certificateNotAfter: this.certificateNotAfter,
      backupJobIds: this.backupJobIds,
      restoreOperatorRoleIds: this.restoreOperatorRoleIds,
      restorePortalStatus: this.restorePortalStatus,
      restorePortalConsentUrl: this.restorePortalConsentUrl,
    });
  }
}

/** The thumbprint the server reports for a kept certificate: both services use the one application. */
function serverThumbprint(organization: Vb365Organization): pulumi.Output<string> {
  return pulumi
    .all([organization.exchangeOnlineSettings, organization.sharePointOnlineSettings])
    .apply(([exchange, sharePoint]) => exchange?.applicationCertificateThumbprint ?? sharePoint?.applicationCertificateThumbprint ?? "");
}
