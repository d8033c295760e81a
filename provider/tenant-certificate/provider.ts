import type * as pulumi from "@pulumi/pulumi";
import { checkTenantCertificate } from "./check";
import { now } from "./clock";
import { diffTenantCertificate } from "./diff";
import { createTenantCertificate, updateTenantCertificate } from "./lifecycle";
import { NO_NEXT_CERTIFICATE } from "./results";
import type { TenantCertificateInputs, TenantCertificateOutputs } from "./types";

/**
 * The dynamic provider. Pulumi serializes this object, with everything it references, into the
 * state of every TenantCertificate, so it holds nothing: no fields, no clients, no secrets. The
 * methods only pick the clock and delegate. Exported for tests and benchmarks.
 */
export class TenantCertificateProvider
  implements pulumi.dynamic.ResourceProvider<TenantCertificateInputs, TenantCertificateOutputs>
{
  async check(_olds: TenantCertificateInputs, news: TenantCertificateInputs) {
    return checkTenantCertificate({ ...news }, now());
  }

  async diff(_id: string, olds: TenantCertificateOutputs, news: TenantCertificateInputs) {
    const { changes, replaces } = diffTenantCertificate(olds, { ...news }, now());
    return { changes, replaces };
  }

  async create(inputs: TenantCertificateInputs) {
    return createTenantCertificate({ ...inputs }, now());
  }

  /**
   * The certificate exists only in state: there is nothing outside to refresh from, nor to import
   * (its private key is nowhere else). A state made before next certificates existed gets their
   * null outputs, so that previews know them.
   */
  async read(id: string, props?: TenantCertificateOutputs) {
    if (props === undefined) {
      throw new Error(`A TenantCertificate cannot be imported: its private key exists only in the stack that made it. To take over the certificate ${id}, declare a TenantCertificate with importPfxBase64 (its PFX, base64) and password.`);
    }
    return { id, props: { ...NO_NEXT_CERTIFICATE, ...props } };
  }

  async update(_id: string, olds: TenantCertificateOutputs, news: TenantCertificateInputs) {
    return { outs: await updateTenantCertificate(olds, { ...news }, now()) };
  }

  /** Nothing to free: deleting the resource drops the PFX from state. */
  async delete() {}
}
