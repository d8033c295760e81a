import type * as pulumi from "@pulumi/pulumi";
import { keepWebAssemblyOnBaselineCompiler } from "./wasm-baseline";
import { IMPLEMENTATIONS, RUNTIME_ENTRIES } from "./entries";

/**
 * How a pulumi-vb365 resource reaches its provider: the resource hands Pulumi a ProviderStub
 * (serialized into its state), the stub asks the host (`load`, this module's other half, entry
 * `pulumi-vb365/runtime/host`) in the provider process, and the host loads the implementation
 * the stub names from the installed package. entries.ts names every path on that way.
 */

type Method = "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";

/** What a stub forwards to: the real provider, loaded in the provider process. */
export interface ProviderHost {
  call(method: Method, args: unknown[]): Promise<unknown>;
}

/**
 * What Pulumi serializes into every resource's state in place of the real provider: the names of
 * the host and of the implementation, loaded in the provider process on first use.
 *
 * The engine rewrites the whole state after every step of an operation, so every byte stored
 * per resource is paid for again on every step. The serialized implementation would be ~100 KB
 * (twice per resource); this stub is ~3 KB, and it stays that small on purpose: one line per
 * method and no reference to anything outside the class, since whatever it captures is
 * serialized with it, for every resource.
 */
export class ProviderStub implements pulumi.dynamic.ResourceProvider {
  constructor(
    private readonly hostSpecifier: string,
    private readonly moduleName: string,
    private readonly exportName: string,
  ) {}

  // Boundary: the stub forwards what the engine passes; the implementation returns the result types.
  configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> { return this.call("configure", [request]) as Promise<void>; }
  check(olds: unknown, news: unknown): Promise<pulumi.dynamic.CheckResult> { return this.call("check", [olds, news]) as Promise<pulumi.dynamic.CheckResult>; }
  diff(id: string, olds: unknown, news: unknown): Promise<pulumi.dynamic.DiffResult> { return this.call("diff", [id, olds, news]) as Promise<pulumi.dynamic.DiffResult>; }
  create(inputs: unknown): Promise<pulumi.dynamic.CreateResult> { return this.call("create", [inputs]) as Promise<pulumi.dynamic.CreateResult>; }
  read(id: string, props?: unknown): Promise<pulumi.dynamic.ReadResult> { return this.call("read", [id, props]) as Promise<pulumi.dynamic.ReadResult>; }
  update(id: string, olds: unknown, news: unknown): Promise<pulumi.dynamic.UpdateResult> { return this.call("update", [id, olds, news]) as Promise<pulumi.dynamic.UpdateResult>; }
  delete(id: string, props: unknown): Promise<void> { return this.call("delete", [id, props]) as Promise<void>; }

  private async call(method: Method, args: unknown[]): Promise<unknown> {
    let host: ProviderHost;
    try {
      host = require(this.hostSpecifier).load(this.moduleName, this.exportName);
    } catch (error) {
      throw new Error(`pulumi-vb365 cannot be loaded from ${process.cwd()} (${(error as Error).message.split("\n")[0]}). Install it in the Pulumi program's project: npm install pulumi-vb365.`);
    }
    return host.call(method, args);
  }
}

/** The stub of one of the package's implementations. */
export function stubFor(implementation: keyof typeof IMPLEMENTATIONS): ProviderStub {
  const { specifier, exportName } = IMPLEMENTATIONS[implementation];
  return new ProviderStub(RUNTIME_ENTRIES.host.specifier, specifier, exportName);
}

/** One implementation per provider process, whatever the number of stubs that ask for it. */
const hosts = new Map<string, ProviderHost>();

/**
 * The host's entry point, called by stubs in the provider process only (the program never calls
 * a provider): loads `exportName` of `moduleName` once and answers the engine's calls for it,
 * with the defaults of the methods the provider leaves out.
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

function createHost(moduleName: string, exportName: string): ProviderHost {
  const implementation = (require(moduleName) as Record<string, unknown>)[exportName];
  if (typeof implementation !== "function") throw new Error(`${moduleName} has no export ${exportName}; reinstall pulumi-vb365.`);
  const provider = new (implementation as new () => pulumi.dynamic.ResourceProvider)();
  const target = provider as unknown as Record<Method, ((...values: unknown[]) => Promise<unknown>) | undefined>;
  return {
    call(method, args) {
      const handler = target[method];
      return handler ? handler.apply(provider, args) : Promise.resolve().then(() => missing(method, args, exportName));
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
