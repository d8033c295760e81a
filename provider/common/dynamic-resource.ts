import * as pulumi from "@pulumi/pulumi";

/**
 * The base of pulumi-vb365's dynamic resources: `pulumi.dynamic.Resource`, declared without the
 * stack traces the Node SDK takes for its own debugging.
 *
 * While a resource is declared, the SDK records a stack trace for every promise behind its
 * outputs (four per property, plus its URN and id), to name them if they leak and the user has
 * set PULUMI_DEBUG_PROMISE_LEAKS. A stack trace is not cheap: under ts-node, which Pulumi uses
 * for TypeScript programs, every frame goes through source maps. Measured in a program of 100
 * tenants under ts-node (mocked engine): declaring them took 1.1 s with the traces, 0.37 s
 * without. The program sends nothing to the engine until its declarations are done, so that
 * time was the first resource's delay.
 *
 * The resource's own source position is unaffected: the SDK takes it with a stack limit of
 * its own. With PULUMI_DEBUG_PROMISE_LEAKS set, nothing is skipped.
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
    const resume = pausePromiseStackTraces();
    try {
      super(provider, name, props, opts, module, type);
    } catch (error) {
      resume();
      // Made with no frames while paused: give it the caller's, which point at the declaration.
      if (error instanceof Error) Error.captureStackTrace(error);
      throw error;
    } finally {
      resume();
    }
  }
}

/** Stops stack traces being recorded until the returned function is called (it may be called twice). */
function pausePromiseStackTraces(): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
