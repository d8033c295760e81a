import * as pulumi from "@pulumi/pulumi";
import { Vb365Organization, type Vb365OrganizationArgs } from "../organization/resource";
import type { ServiceConnectionSettings } from "../organization/types";
import { TenantCertificate, type TenantCertificateArgs } from "../tenant-certificate/resource";

type CertificateFields = "applicationCertificate" | "applicationCertificatePassword";
type SettingsWithoutCertificate = pulumi.Input<{ [K in Exclude<keyof ServiceConnectionSettings, CertificateFields>]?: pulumi.Input<ServiceConnectionSettings[K]> }>;

export interface Vb365TenantArgs {
  /** The Microsoft 365 organization name, e.g. contoso.onmicrosoft.com. */
  organizationName: pulumi.Input<string>;
  /**
   * The tenant's own certificate. `subject` defaults to `{ commonName: "<organizationName> VB365" }`.
   * @default a 2048-bit, 3DES PFX valid for ten years
   */
  certificate?: Partial<TenantCertificateArgs>;
  /** The organization; its application certificate and password come from the certificate. */
  organization: Omit<Vb365OrganizationArgs, "exchangeOnlineSettings" | "sharePointOnlineSettings" | "organizationName"> & {
    exchangeOnlineSettings?: SettingsWithoutCertificate;
    sharePointOnlineSettings?: SettingsWithoutCertificate;
  };
}

/**
 * One Microsoft 365 tenant in VB365: its own certificate (so one compromised certificate never
 * exposes another tenant) and the organization that uses it. Rotating the certificate updates
 * the organization in place.
 */
export class Vb365Tenant extends pulumi.ComponentResource {
  readonly certificate: TenantCertificate;
  readonly organization: Vb365Organization;
  readonly organizationId: pulumi.Output<string>;
  readonly thumbprint: pulumi.Output<string>;
  readonly certificateNotAfter: pulumi.Output<string>;

  constructor(name: string, args: Vb365TenantArgs, opts?: pulumi.ComponentResourceOptions) {
    super("vb365:index:Tenant", name, {}, opts);
    const child = { parent: this };
    this.certificate = new TenantCertificate(
      name,
      {
        subject: pulumi.output(args.organizationName).apply((organization) => ({ commonName: `${organization} VB365` })),
        ...args.certificate,
      },
      child,
    );
    const withCertificate = (settings: SettingsWithoutCertificate | undefined) =>
      pulumi.all([settings ?? {}, this.certificate.pfxBase64, this.certificate.password]).apply(([declared, pfx, password]) => ({
        ...declared,
        applicationCertificate: pfx,
        applicationCertificatePassword: password,
      }));
    this.organization = new Vb365Organization(
      name,
      {
        ...args.organization,
        organizationName: args.organizationName,
        exchangeOnlineSettings: withCertificate(args.organization.exchangeOnlineSettings),
        sharePointOnlineSettings: withCertificate(args.organization.sharePointOnlineSettings),
      },
      child,
    );
    this.organizationId = this.organization.organizationId;
    this.thumbprint = this.certificate.thumbprint;
    this.certificateNotAfter = this.certificate.notAfter;
    this.registerOutputs({ organizationId: this.organizationId, thumbprint: this.thumbprint, certificateNotAfter: this.certificateNotAfter });
  }
}
