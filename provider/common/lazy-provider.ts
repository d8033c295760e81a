import type * as pulumi from "@pulumi/pulumi";

type Provider = pulumi.dynamic.ResourceProvider;
type ProviderClass = new () => Provider;

/**
 * What Pulumi serializes into every resource's state in place of the real provider: the name of
 * the module that implements it, loaded in the provider process on first use.
 *
 * Serializing the implementation itself stores ~100 KB of code twice per resource (a 100-tenant
 * stack would carry 35 MB of state), and freezes that code into old state. This stub is a few
 * hundred bytes; the implementation comes from the pulumi-vb365 package the program has
 * installed, so `refresh` and `destroy` also run the installed version.
 */
export class LazyProvider implements Provider {
  private loaded?: Provider;

  constructor(
    private readonly moduleName: string,
    private readonly exportName: string,
  ) {}

  async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    await this.target().configure?.(request);
  }

  async check(olds: unknown, news: unknown): Promise<pulumi.dynamic.CheckResult> {
    const target = this.target();
    return target.check ? target.check(olds, news) : { inputs: news };
  }

  async diff(id: string, olds: unknown, news: unknown): Promise<pulumi.dynamic.DiffResult> {
    const target = this.target();
    return target.diff ? target.diff(id, olds, news) : {};
  }

  async create(inputs: unknown): Promise<pulumi.dynamic.CreateResult> {
    return this.target().create(inputs);
  }

  async read(id: string, props?: unknown): Promise<pulumi.dynamic.ReadResult> {
    const target = this.target();
    return target.read ? target.read(id, props) : { id, props };
  }

  async update(id: string, olds: unknown, news: unknown): Promise<pulumi.dynamic.UpdateResult> {
    const target = this.target();
    if (!target.update) throw new Error(`${this.exportName} cannot update in place`);
    return target.update(id, olds, news);
  }

  async delete(id: string, props: unknown): Promise<void> {
    await this.target().delete?.(id, props);
  }

  private target(): Provider {
    if (!this.loaded) {
      let implementation: ProviderClass | undefined;
      try {
        implementation = require(this.moduleName)[this.exportName];
      } catch (error) {
        throw new Error(
          `${this.moduleName} cannot be loaded from ${process.cwd()} (${(error as Error).message.split("\n")[0]}). ` +
            "Install pulumi-vb365 in the Pulumi program's project (npm install pulumi-vb365).",
        );
      }
      if (typeof implementation !== "function") throw new Error(`${this.moduleName} has no export ${this.exportName}; reinstall pulumi-vb365.`);
      this.loaded = new implementation();
    }
    return this.loaded;
  }
}
