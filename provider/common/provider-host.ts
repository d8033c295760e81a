import type * as pulumi from "@pulumi/pulumi";

type Provider = pulumi.dynamic.ResourceProvider;
type Method = "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";

/** What a LazyProvider stub forwards to: the real provider, loaded in the provider process. */
export interface ProviderHost {
  call(method: Method, args: unknown[]): Promise<unknown>;
}

/**
 * Loads `exportName` of `moduleName` (a pulumi-vb365 runtime entry) and answers the engine's
 * calls for it: the defaults of methods the provider leaves out, and, with VB365_TRACE_FILE set,
 * one line "<epoch ms> <provider> <method> <ms taken>" per call, for the benchmarks.
 */
export function load(moduleName: string, exportName: string): ProviderHost {
  const key = `${moduleName}#${exportName}`;
  let host = hosts.get(key);
  if (!host) {
    if (hosts.size === 0) keepWebAssemblyOnBaselineCompiler();
    host = createHost(moduleName, exportName);
    hosts.set(key, host);
  }
  return host;
}

/**
 * Stubs call load() in the dynamic-provider process only (the program never calls a provider),
 * and that process's one WebAssembly module is undici's HTTP parser (llhttp). V8's optimizing
 * tier for it cost 15-25 MB of native memory once the first responses came in (measured:
 * /proc/self/smaps showed a new 36 MB malloc arena, gone with --liftoff-only) and saved no
 * measurable time on a few hundred responses (300 POSTs: 102 ms optimized, 89 ms baseline).
 * The flag applies to modules compiled after it, hence before the first request.
 */
function keepWebAssemblyOnBaselineCompiler(): void {
  (require("node:v8") as typeof import("node:v8")).setFlagsFromString("--liftoff-only");
}

/** One implementation per provider process, whatever the number of stubs that ask for it. */
const hosts = new Map<string, ProviderHost>();

function createHost(moduleName: string, exportName: string): ProviderHost {
  const implementation = (require(moduleName) as Record<string, unknown>)[exportName];
  if (typeof implementation !== "function") throw new Error(`${moduleName} has no export ${exportName}; reinstall pulumi-vb365.`);
  const provider = new (implementation as new () => Provider)();
  const target = provider as unknown as Record<Method, ((...values: unknown[]) => Promise<unknown>) | undefined>;
  return {
    async call(method, args) {
      const handler = target[method];
      if (!handler) return missing(method, args, exportName);
      const started = Date.now();
      try {
        return await handler.apply(provider, args);
      } finally {
        const trace = process.env.VB365_TRACE_FILE;
        if (trace) require("node:fs").appendFileSync(trace, `${started} ${exportName} ${method} ${Date.now() - started}\n`);
      }
    },
  };
}

/** What the engine expects when a provider has no such method (cmd/dynamic-provider does the same). */
function missing(method: Method, args: unknown[], exportName: string): unknown {
  switch (method) {
    case "check":
      return { inputs: args[1] };
    case "diff":
      return {};
    case "read":
      return { id: args[0], props: args[1] };
    case "update":
      throw new Error(`${exportName} cannot update in place`);
    default:
      return undefined;
  }
}
