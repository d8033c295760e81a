import * as pulumi from "@pulumi/pulumi";
import { pausePromiseStackTraces } from "./promise-stack-traces";

/**
 * The base of pulumi-vb365's dynamic resources: `pulumi.dynamic.Resource`, declared without the
 * stack traces the Node SDK takes for its own debugging (see promise-stack-traces.ts for what
 * that saves and why it is safe).
 */
export abstract class Vb365DynamicResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    const pause = pausePromiseStackTraces();
    try {
      super(provider, name, props, opts, module, type);
    } catch (error) {
      // Frames from the subclass's constructor down: they point at the declaration.
      throw pause.failed(error, Vb365DynamicResource);
    } finally {
      pause.resume();
    }
  }
}
