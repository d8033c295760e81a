import * as pulumi from "@pulumi/pulumi";

// Test only: the "Entra automation" of a test program. It registers a certificate on an
// application in the emulator's Entra (POST /__emulator/applications/{applicationId}/certificates)
// as an azuread.ApplicationCertificate registers it in the field, and removes it on delete; a new
// certificate replaces the registration, created before the old one is deleted, so the
// organization that depends on its thumbprint switches in between. Never part of the package.

export interface EntraRegistrationArgs {
  applicationId: pulumi.Input<string>;
  /** The Microsoft 365 organization whose registration of the application takes the certificate; left out, a multi-tenant application's, for every organization. */
  organizationName?: pulumi.Input<string>;
  certificatePem: pulumi.Input<string>;
}

interface Registered {
  controlUrl: string;
  applicationId: string;
  organizationName?: string;
  certificatePem: string;
}

/**
 * One call of the emulator's control API. It plays Entra, not VB365, so it does not verify the
 * emulator's self-signed certificate: how the provider trusts VB365's is what the tests prove
 * (test/reliability/tls.test.ts runs a stack that does not trust it yet), not this side channel.
 */
function control(registered: Registered, method: string, path: string, body?: unknown): Promise<number> {
  // Required inside: Pulumi serializes this provider with the functions it captures.
  const https = require("node:https") as typeof import("node:https");
  const http = require("node:http") as typeof import("node:http");
  const url = new URL(`/__emulator${path}`, registered.controlUrl);
  const request = url.protocol === "https:" ? https.request : http.request;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = request(url, { method, headers: payload ? { "content-type": "application/json" } : {}, rejectUnauthorized: false, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    call.on("error", reject);
    call.end(payload);
  });
}

function thumbprintOf(pem: string): string {
  const { X509Certificate } = require("node:crypto") as typeof import("node:crypto");
  return new X509Certificate(pem).fingerprint.replace(/:/g, "");
}

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: Registered) {
    const status = await control(inputs, "POST", `/applications/${inputs.applicationId}/certificates`, { certificatePem: inputs.certificatePem, ...(inputs.organizationName ? { organizationName: inputs.organizationName } : {}) });
    if (status !== 201) throw new Error(`The emulator refused to register the certificate on ${inputs.applicationId}: ${status}`);
    const thumbprint = thumbprintOf(inputs.certificatePem);
    return { id: `${inputs.applicationId}/${thumbprint}`, outs: { ...inputs, thumbprint } };
  },
  async diff(_id: string, olds: Registered, news: Registered) {
    const replaces = (["applicationId", "organizationName", "certificatePem", "controlUrl"] as const).filter((key) => olds[key] !== news[key]);
    return { changes: replaces.length > 0, replaces };
  },
  async delete(_id: string, outs: Registered & { thumbprint: string }) {
    const scope = outs.organizationName ? `?organizationName=${encodeURIComponent(outs.organizationName)}` : "";
    const status = await control(outs, "DELETE", `/applications/${outs.applicationId}/certificates/${outs.thumbprint}${scope}`);
    if (status !== 204 && status !== 404) throw new Error(`The emulator refused to remove the certificate from ${outs.applicationId}: ${status}`);
  },
};

/** A certificate registered on an application of the emulator's Entra, as an azuread.ApplicationCertificate would. */
export class EntraRegistration extends pulumi.dynamic.Resource {
  declare readonly thumbprint: pulumi.Output<string>;

  constructor(name: string, args: EntraRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
    const vb365 = new pulumi.Config("vb365");
    super(provider, name, { organizationName: undefined, ...args, controlUrl: vb365.require("url"), thumbprint: undefined }, opts);
  }
}

/** The certificate a rotating TenantCertificate wants registered: the next one while there is one, else the current one. */
export function newestPem(certificate: { certificatePem: pulumi.Output<string>; nextCertificatePem: pulumi.Output<string | null | undefined> }): pulumi.Output<string> {
  return pulumi.all([certificate.nextCertificatePem, certificate.certificatePem]).apply(([next, current]) => next ?? current);
}
