import type * as pulumi from "@pulumi/pulumi";
import type { ProviderHost } from "./provider-host";

/**
 * What Pulumi serializes into every resource's state in place of the real provider: the name of
 * the module that implements it, loaded in the provider process on first use.
 *
 * The engine rewrites the whole state after every step of an operation, so every byte stored
 * per resource is paid for again on every step. The serialized implementation would be ~100 KB
 * (twice per resource); this stub is ~3 KB, and it stays that small on purpose: one line per
 * method, the rest in provider-host.ts, which the provider process loads from the pulumi-vb365
 * package the program has installed (so `refresh` and `destroy` run the installed version too).
 */
export class LazyProvider implements pulumi.dynamic.ResourceProvider {
  // No other fields: whatever the stub holds is serialized with it, and it is serialized again
  // for every resource. The loaded implementation is kept by provider-host.ts instead.
  constructor(
    private readonly moduleName: string,
    private readonly exportName: string,
  ) {}

  // Boundary: the stub forwards what the engine passes; the implementation types it.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  configure(request: pulumi.dynamic.ConfigureRequest): Promise<any> { return this.call("configure", [request]); } // prettier-ignore
  check(olds: unknown, news: unknown): Promise<any> { return this.call("check", [olds, news]); } // prettier-ignore
  diff(id: string, olds: unknown, news: unknown): Promise<any> { return this.call("diff", [id, olds, news]); } // prettier-ignore
  create(inputs: unknown): Promise<any> { return this.call("create", [inputs]); } // prettier-ignore
  read(id: string, props?: unknown): Promise<any> { return this.call("read", [id, props]); } // prettier-ignore
  update(id: string, olds: unknown, news: unknown): Promise<any> { return this.call("update", [id, olds, news]); } // prettier-ignore
  delete(id: string, props: unknown): Promise<any> { return this.call("delete", [id, props]); } // prettier-ignore
  /* eslint-enable @typescript-eslint/no-explicit-any */

  private async call(method: Parameters<ProviderHost["call"]>[0], args: unknown[]): Promise<unknown> {
    let host: ProviderHost;
    try {
      host = require("pulumi-vb365/runtime/host").load(this.moduleName, this.exportName);
    } catch (error) {
      throw new Error(`pulumi-vb365 cannot be loaded from ${process.cwd()} (${(error as Error).message.split("\n")[0]}). Install it in the Pulumi program's project: npm install pulumi-vb365.`);
    }
    return host.call(method, args);
  }
}
