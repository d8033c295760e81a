import * as pulumi from "@pulumi/pulumi";
import { Vb365DynamicResource } from "../common/dynamic-resource";
import { namesWhere } from "../common/definition";
import { asSecret, type InputsOf } from "../common/inputs";
import { TENANT_CERTIFICATE_FIELDS, TENANT_CERTIFICATE_OUTPUTS } from "./definition";
import type { CertificateSubject, PfxEncryption, TenantCertificateInputs } from "./types";
// One provider object for every resource of this type (Pulumi serializes it once per program);
// the state stores only a reference to it, never the implementation.
import provider = require("../runtime/tenant-certificate-stub");

/** Arguments of {@link TenantCertificate}; see {@link TenantCertificateInputs} for each field. */
export type TenantCertificateArgs = InputsOf<TenantCertificateInputs>;

const OUTPUT_NAMES = Object.keys(TENANT_CERTIFICATE_OUTPUTS);
const SECRET_OUTPUTS = OUTPUT_NAMES.filter((output) => TENANT_CERTIFICATE_OUTPUTS[output as keyof typeof TENANT_CERTIFICATE_OUTPUTS].secret);
const SECRET_INPUTS = namesWhere(TENANT_CERTIFICATE_FIELDS, (candidate) => candidate.secret === true);

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
  /** The PFX (PKCS#12), base64 without line breaks. Secret. */
  declare readonly pfxBase64: pulumi.Output<string>;
  /** The PFX password, given or generated. Secret. */
  declare readonly password: pulumi.Output<string>;
  /** SHA-1 of the certificate DER: 40 uppercase hex characters, as Windows, Entra ID and Veeam show it. */
  declare readonly thumbprint: pulumi.Output<string>;
  /** The certificate alone, PEM (public), for uploading to the Entra ID app registration. */
  declare readonly certificatePem: pulumi.Output<string>;
  /** ISO 8601. */
  declare readonly notBefore: pulumi.Output<string>;
  /** ISO 8601. */
  declare readonly notAfter: pulumi.Output<string>;
  /** Uppercase hex, as `openssl x509 -serial` prints it. */
  declare readonly serialNumber: pulumi.Output<string>;
  declare readonly keySize: pulumi.Output<number>;
  declare readonly subject: pulumi.Output<CertificateSubject>;
  /** True when the certificate came from `importPfxBase64`. */
  declare readonly imported: pulumi.Output<boolean>;
  declare readonly friendlyName: pulumi.Output<string | undefined>;
  declare readonly validityDays: pulumi.Output<number | undefined>;
  declare readonly pfxEncryption: pulumi.Output<PfxEncryption | undefined>;
  declare readonly rotateBeforeDays: pulumi.Output<number | undefined>;

  constructor(name: string, args: TenantCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        // Outputs must be seeded, or they never appear on the resource object.
        ...Object.fromEntries(OUTPUT_NAMES.map((output) => [output, undefined])),
        ...args,
        // Secret whatever the caller passed: the engine stores inputs too, and keeps an output
        // secret only where an input of the same name was.
        ...Object.fromEntries(SECRET_INPUTS.map((input) => [input, asSecret(args[input])])),
      },
      // Generated secrets have no secret input to inherit from; these keep them encrypted in state.
      pulumi.mergeOptions(opts, { additionalSecretOutputs: SECRET_OUTPUTS }),
      "vb365",
      "TenantCertificate",
    );
  }
}
