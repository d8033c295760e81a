import * as pulumi from "@pulumi/pulumi";

export interface NoopArgs {
  /** Any string; changing it is an in-place update. */
  value: pulumi.Input<string>;
}

interface NoopState {
  value: string;
}

/**
 * Does nothing but exist. It is the engine's floor in the benchmarks and the smallest proof
 * that the CLI, the language host, the plugin and closure serialization work together.
 */
const noopProvider: pulumi.dynamic.ResourceProvider<NoopState, NoopState> = {
  async create(inputs) {
    return { id: require("node:crypto").randomUUID(), outs: { value: inputs.value } };
  },
  async diff(_id, olds, news) {
    return { changes: olds.value !== news.value };
  },
  async update(_id, _olds, news) {
    return { outs: { value: news.value } };
  },
};

export class NoopResource extends pulumi.dynamic.Resource {
  declare readonly value: pulumi.Output<string>;

  constructor(name: string, args: NoopArgs, opts?: pulumi.CustomResourceOptions) {
    super(noopProvider, name, { ...args }, opts, "vb365", "Noop");
  }
}
