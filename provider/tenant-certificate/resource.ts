import * as pulumi from "@pulumi/pulumi";
import { type OutputProperties, resourceProperties, Vb365DynamicResource } from "../common/dynamic-resource";
import type { InputsOf } from "../common/inputs";
import { TENANT_CERTIFICATE_FIELDS, TENANT_CERTIFICATE_OUTPUTS } from "./definition";
import type { TenantCertificateInputs, TenantCertificateOutputs } from "./types";
// One provider object for every resource of this type (Pulumi serializes it once per program);
// the state stores only a reference to it, never the implementation.
import provider = require("../runtime/tenant-certificate-stub");

/** Arguments of {@link TenantCertificate}; see {@link TenantCertificateInputs} for each field. */
export type TenantCertificateArgs = InputsOf<TenantCertificateInputs>;

const SECRET_OUTPUTS = Object.keys(TENANT_CERTIFICATE_OUTPUTS).filter((output) => TENANT_CERTIFICATE_OUTPUTS[output as keyof typeof TENANT_CERTIFICATE_OUTPUTS].secret);

/**
 * A per-tenant, self-signed RSA certificate and its password-protected PFX, for the Entra ID app
 * that Veeam Backup for Microsoft 365 uses for one Microsoft 365 tenant; or an existing PFX,
 * validated and adopted (`importPfxBase64`).
 *
 * `pfxBase64` and `password` are secret outputs; the private key exists only inside the
 * encrypted PFX. Upload `certificatePem` to the Entra ID app; give `pfxBase64`, `password` and
 * `thumbprint` to Veeam.
 *
 * @example
 * const cert = new TenantCertificate("contoso", {
 *   subject: { commonName: "contoso.onmicrosoft.com VB365", organization: "Contoso Ltd", country: "US" },
 *   keySize: 4096,
 *   rotateBeforeDays: 30,
 * });
 * export const thumbprint = cert.thumbprint;
 */
export class TenantCertificate extends Vb365DynamicResource {
  constructor(name: string, args: TenantCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      resourceProperties(TENANT_CERTIFICATE_FIELDS, TENANT_CERTIFICATE_OUTPUTS, args),
      // Generated secrets have no secret input to inherit from; these keep them encrypted in state.
      pulumi.mergeOptions(opts, { additionalSecretOutputs: SECRET_OUTPUTS }),
      "vb365",
      "TenantCertificate",
    );
  }
}

/** Every output of the definition (definition.ts, TENANT_CERTIFICATE_OUTPUTS) as a property. */
export interface TenantCertificate extends OutputProperties<TenantCertificateOutputs> {}
