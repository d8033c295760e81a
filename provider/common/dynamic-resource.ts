import * as pulumi from "@pulumi/pulumi";
import { hideLibraryFrames } from "./declaration-frames";
import { pausePromiseStackTraces } from "./promise-stack-traces";

/** A resource's outputs as properties of the resource object: each an Output of its state's value. */
export type OutputProperties<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/**
 * The properties a resource hands the engine, read from its definition: every output seeded (without a value an output
 * never appears on the resource object), the arguments (a name left out is the resource's), and the secret inputs made secret
 * whatever the caller passed (the engine stores inputs as given, and keeps an output secret only
 * where an input of the same name was).
 */
export function resourceProperties(inputs: Readonly<Record<string, { secret?: boolean; namedAfterResource?: boolean }>>, outputs: Readonly<Record<string, unknown>>, args: object, resourceName?: string): pulumi.Inputs {
  const given = { ...(args as Record<string, pulumi.Input<unknown> | undefined>) };
  for (const input of Object.keys(inputs)) if (inputs[input].namedAfterResource && given[input] === undefined) given[input] = resourceName;
  const secretInputs = Object.keys(inputs).filter((input) => inputs[input].secret === true);
  return {
    ...Object.fromEntries(Object.keys(outputs).map((output) => [output, undefined])),
    ...given,
    ...Object.fromEntries(secretInputs.map((input) => [input, given[input] === undefined ? undefined : pulumi.secret(given[input])])),
  };
}

/**
 * The base of pulumi-vb365's dynamic resources: `pulumi.dynamic.Resource`, declared without the
 * stack traces the Node SDK takes for its own debugging (see promise-stack-traces.ts for what
 * that saves and why it is safe), and with the source position of the program's line
 * (declaration-frames.ts).
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
    const showLibraryFrames = hideLibraryFrames();
    try {
      super(provider, name, props, opts, module, type);
    } catch (error) {
      showLibraryFrames();
      // Frames from the subclass's constructor down: they point at the declaration.
      throw pause.failed(error, Vb365DynamicResource);
    } finally {
      showLibraryFrames();
      pause.resume();
    }
  }
}
