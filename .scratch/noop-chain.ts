import * as pulumi from "@pulumi/pulumi";
import * as crypto from "node:crypto";
const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `${inputs.value}`, outs: inputs };
  },
  async diff(_id, olds, news) {
    return { changes: olds.value !== news.value };
  },
};
class Noop extends pulumi.dynamic.Resource {
  declare readonly payload: pulumi.Output<string>;
  constructor(name: string, args: { value: string; payload?: pulumi.Input<string> }) {
    super(provider, name, { payload: undefined, ...args }, undefined, "bench", "Noop");
  }
}
const config = new pulumi.Config();
const count = config.requireNumber("count");
const payloadBytes = config.getNumber("payloadBytes") ?? 0;
for (let i = 0; i < count; i++) {
  const payload = payloadBytes ? pulumi.secret(crypto.randomBytes(payloadBytes).toString("base64")) : "";
  const certificate = new Noop(`certificate${i}`, { value: `c${i}`, payload });
  new Noop(`organization${i}`, { value: `o${i}`, payload: certificate.payload });
}
