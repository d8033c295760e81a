import * as pulumi from "@pulumi/pulumi";
import { Vb365Organization, type Vb365OrganizationArgs } from "../organization/resource";
import { TenantCertificate, type TenantCertificateArgs } from "../tenant-certificate/resource";


export interface Vb365TenantArgs {
  /** The Microsoft 365 organization name, e.g. contoso.onmicrosoft.com. */
  organizationName: pulumi.Input<string>;
  /**
   * The tenant's own certificate. `subject` defaults to `{ commonName: "<organizationName> VB365" }`.
   * @default a 2048-bit, 3DES PFX valid for ten years
   */
  certificate?: Partial<TenantCertificateArgs>;
  /** The organization; its application certificate and password come from the certificate. */
  organization: Omit<Vb365OrganizationArgs, "organizationName" | "applicationCertificate" | "applicationCertificatePassword">;
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
    this.organization = new Vb365Organization(
      name,
      {
        ...args.organization,
        organizationName: args.organizationName,
        // Shared by both services: the PFX is sent to VB365 for each, but stored once.
        applicationCertificate: this.certificate.pfxBase64,
        applicationCertificatePassword: this.certificate.password,
        exchangeOnlineSettings: args.organization.exchangeOnlineSettings ?? {},
        sharePointOnlineSettings: args.organization.sharePointOnlineSettings ?? {},
      },
      child,
    );
    this.organizationId = this.organization.organizationId;
    this.thumbprint = this.certificate.thumbprint;
    this.certificateNotAfter = this.certificate.notAfter;
    this.registerOutputs({ organizationId: this.organizationId, thumbprint: this.thumbprint, certificateNotAfter: this.certificateNotAfter });
  }
}
