import * as pulumi from "@pulumi/pulumi";

// The engine's floor: as many dynamic resources as the tenants program (two per tenant), of a
// provider that does nothing.
const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `${inputs.value}`, outs: inputs };
  },
  async diff(_id, olds, news) {
    return { changes: olds.value !== news.value };
  },
};
class Noop extends pulumi.dynamic.Resource {
  constructor(name: string) {
    super(provider, name, { value: name }, undefined, "bench", "Noop");
  }
}

const count = new pulumi.Config().requireNumber("count");
for (let i = 0; i < count; i++) {
  new Noop(`certificate${i}`);
  new Noop(`organization${i}`);
}
