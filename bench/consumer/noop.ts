import * as crypto from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

// The engine's floor: the tenants program's resources (a certificate and an organization per
// tenant, the organization depending on the certificate) of a dynamic provider that does nothing.
// With `pfxChars`, the no-op certificate keeps a secret of that size and a password of
// `passwordChars`, and the no-op organization takes both as inputs: the state this product cannot
// avoid (the PFX is kept in the certificate's state and handed to the organization), with no work
// done to make it.
const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    const { pfxChars, passwordChars, pfxBase64: _pfx, password: _password, ...kept } = inputs;
    const secrets = pfxChars ? { pfxBase64: crypto.randomBytes(pfxChars).toString("base64").slice(0, pfxChars), password: "p".repeat(passwordChars) } : {};
    return { id: `${inputs.value}`, outs: { ...kept, ...secrets } };
  },
  async diff(_id, olds, news) {
    return { changes: olds.value !== news.value };
  },
};

interface NoopArgs {
  value: string;
  pfxChars?: number;
  passwordChars?: number;
  pfxBase64?: pulumi.Input<string | undefined>;
  password?: pulumi.Input<string | undefined>;
}

class Noop extends pulumi.dynamic.Resource {
  declare readonly pfxBase64: pulumi.Output<string | undefined>;
  declare readonly password: pulumi.Output<string | undefined>;
  constructor(name: string, args: NoopArgs) {
    super(provider, name, { pfxBase64: undefined, password: undefined, ...args }, { additionalSecretOutputs: ["pfxBase64", "password"] }, "bench", "Noop");
  }
}

const config = new pulumi.Config();
const count = config.requireNumber("count");
const pfxChars = config.getNumber("pfxChars");
const passwordChars = config.getNumber("passwordChars");
for (let i = 0; i < count; i++) {
  const certificate = new Noop(`certificate${i}`, { value: `certificate${i}`, ...(pfxChars ? { pfxChars, passwordChars } : {}) });
  new Noop(`organization${i}`, { value: `organization${i}`, pfxBase64: certificate.pfxBase64, password: certificate.password });
}
