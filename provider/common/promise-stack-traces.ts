/**
 * Declaring a resource without the stack traces the Pulumi Node SDK takes for its own debugging.
 *
 * While a resource is declared, the SDK formats a stack trace (`new Error().stack`) for every
 * promise behind its outputs (four per property, plus its URN and id), which only
 * PULUMI_DEBUG_PROMISE_LEAKS ever prints. Under ts-node, which Pulumi uses for TypeScript
 * programs, each of those traces is mapped through source maps. Nothing is sent to the engine
 * before the declarations are done, so that time delays the first resource.
 *
 * Measured with bench/declare-resources.ts (100 tenants, a TenantCertificate and a
 * Vb365Organization each, mock engine, ts-node, Node 20.20, @pulumi/pulumi 3.248, six runs
 * each way, alternating, on a shared 2-core machine): 2.8-3.7 s to declare them with the traces
 * (PULUMI_DEBUG_PROMISE_LEAKS=1), 0.54-0.67 s without (one cold run 1.2 s).
 *
 * The trick is a global that V8 reads when an Error is made: `Error.stackTraceLimit = 0` while
 * the SDK's constructor runs, synchronously. The resource's source position is unaffected: the
 * SDK takes it with a limit of its own. If the SDK stops taking these traces, or takes them
 * later, the pause has nothing to skip and changes nothing; test/unit/resources/
 * promise-stack-traces.test.ts fails when the SDK stops taking them, so that the pause can go.
 */
export interface PausedStackTraces {
  /** Puts the previous limit back; calling it again does nothing. */
  resume(): void;
  /**
   * Puts the limit back and gives `error`, made while paused and so without frames, the frames of
   * whoever called `below`: an error thrown by the SDK then still points at the declaration.
   */
  failed(error: unknown, below: Function): unknown;
}

const NOT_PAUSED: PausedStackTraces = { resume: () => undefined, failed: (error) => error };

/** Stops stack traces being taken until `resume` (or `failed`) is called. */
export function pausePromiseStackTraces(): PausedStackTraces {
  // Someone reading the traces asked for them; and a limit that is not V8's number is left alone.
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS || typeof Error.stackTraceLimit !== "number") return NOT_PAUSED;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let paused = true;
  const resume = () => {
    if (!paused) return;
    paused = false;
    Error.stackTraceLimit = limit;
  };
  return {
    resume,
    failed(error, below) {
      resume();
      if (error instanceof Error) Error.captureStackTrace(error, below);
      return error;
    },
  };
}
