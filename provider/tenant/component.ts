import * as pulumi from "@pulumi/pulumi";
import { hideLibraryFrames } from "../common/declaration-frames";
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
  /** The organization; its application certificate and password, and the next ones, come from the certificate. */
  organization: Omit<
    Vb365OrganizationArgs,
    "organizationName" | "applicationCertificate" | "applicationCertificatePassword" | "nextApplicationCertificate" | "nextApplicationCertificatePassword" | "registeredThumbprints" | "keepServerCredentials"
  >;
  /**
   * Thumbprints the tenant's Entra application is confirmed to trust (Vb365Organization
   * `registeredThumbprints`): the customer's confirmations, or what an `azuread.ApplicationCertificate`
   * registered. The organization switches to the next certificate only once it is listed, or, where
   * VB365 registers the application's certificates, once a fresh device code is given.
   * @default none confirmed
   */
  registeredThumbprints?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The stack config key that holds the tenant's device code, named in the warning of a rotation
   * that waits for a fresh one (`vb365 device-code --config-key <key> --up`).
   */
  deviceCodeConfigKey?: string;
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
 * A rotation makes the next certificate beside the current one; the organization switches to it
 * in place once its application trusts it (`registeredThumbprints`, or a fresh device code), and
 * until then a preview or up warns what it waits for.
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
  /** The thumbprint of the certificate the organization uses: of one made, or the one the server reports where it is kept. */
  readonly thumbprint: pulumi.Output<string>;
  /** The next certificate's thumbprint while a rotation is under way; undefined otherwise. */
  readonly nextThumbprint: pulumi.Output<string | undefined>;
  /** The next certificate (PEM, public), to register on the tenant's application; undefined when there is none. */
  readonly nextCertificatePem: pulumi.Output<string | undefined>;
  /** Where the rotation stands (Vb365Organization.certificateRotation): undefined, `waiting: …` or `switched: …`. */
  readonly certificateRotation: pulumi.Output<string | undefined>;
  /** When the certificate expires; undefined where it is kept (the server does not report it). */
  readonly certificateNotAfter: pulumi.Output<string | undefined>;
  /** Whether the tenant can use the Restore Portal, and why (Vb365Organization.restorePortalStatus). */
  readonly restorePortalStatus: pulumi.Output<string | undefined>;
  /** The customer's one-time admin-consent URL for the Restore Portal, where it is available. */
  readonly restorePortalConsentUrl: pulumi.Output<string | undefined>;

  constructor(name: string, args: Vb365TenantArgs, opts?: pulumi.ComponentResourceOptions) {
    const showLibraryFrames = hideLibraryFrames();
    try {
      super("vb365:index:Tenant", name, {}, opts);
    } finally {
      showLibraryFrames();
    }
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
        // Beside it, the next one of a rotation (same password): the organization switches once its
        // application trusts it. Without one it resolves to null, which the provider takes as left out.
        nextApplicationCertificate: this.certificate?.nextPfxBase64,
        nextApplicationCertificatePassword: this.certificate?.password,
        registeredThumbprints: args.registeredThumbprints,
        ...(kept ? { keepServerCredentials: true } : {}),
        exchangeOnlineSettings: args.organization.exchangeOnlineSettings ?? {},
        sharePointOnlineSettings: args.organization.sharePointOnlineSettings ?? {},
      },
      child,
    );
    this.organizationId = this.organization.organizationId;
    this.thumbprint = thumbprintInUse(this.organization);
    // The certificate says null when there is no next one; the tenant, undefined.
    this.nextThumbprint = this.certificate ? this.certificate.nextThumbprint.apply((next) => next ?? undefined) : pulumi.output(undefined);
    this.nextCertificatePem = this.certificate ? this.certificate.nextCertificatePem.apply((next) => next ?? undefined) : pulumi.output(undefined);
    this.certificateRotation = this.organization.certificateRotation;
    warnWhileWaiting(name, this.organization, args.deviceCodeConfigKey);
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
      nextThumbprint: this.nextThumbprint,
      nextCertificatePem: this.nextCertificatePem,
      certificateRotation: this.certificateRotation,
      certificateNotAfter: this.certificateNotAfter,
      backupJobIds: this.backupJobIds,
      restoreOperatorRoleIds: this.restoreOperatorRoleIds,
      restorePortalStatus: this.restorePortalStatus,
      restorePortalConsentUrl: this.restorePortalConsentUrl,
    });
  }
}

/**
 * A preview or up says, per tenant, what its rotation waits for and until when the certificate in
 * use lasts: nothing switches to a certificate the application does not trust, so a rotation can
 * wait until the old certificate expires unless someone acts.
 */
function warnWhileWaiting(tenant: string, organization: Vb365Organization, deviceCodeConfigKey: string | undefined): void {
  organization.certificateRotation.apply((rotation) => {
    if (!rotation?.startsWith("waiting:")) return;
    const code = deviceCodeConfigKey && rotation.includes("device code") ? ` The code goes to the stack config key ${deviceCodeConfigKey}: vb365 device-code --stack ${pulumi.getStack()} --config-key ${deviceCodeConfigKey} --up.` : "";
    pulumi.log.warn(`${tenant}: certificate rotation ${rotation}${code}`, organization);
  });
}

/** The thumbprint the organization uses, as its state records it: both services use the one application. */
function thumbprintInUse(organization: Vb365Organization): pulumi.Output<string> {
  return pulumi
    .all([organization.exchangeOnlineSettings, organization.sharePointOnlineSettings])
    .apply(([exchange, sharePoint]) => exchange?.applicationCertificateThumbprint ?? sharePoint?.applicationCertificateThumbprint ?? "");
}
