import type * as pulumi from "@pulumi/pulumi";
import { CATALOGUE, type CatalogueEntry } from "../catalogue";
import type { Fields } from "../common/definition";
import { token } from "./schema/pulumi-schema";
import { revealed, withReceivedSecretsKept, withSecretsMarked } from "./secrets";

/** The lifecycle a resource's dynamic provider implements, as the plugin calls it. */
type Lifecycle = Required<Pick<pulumi.dynamic.ResourceProvider, "check" | "diff" | "create" | "read" | "update" | "delete">> & Pick<pulumi.dynamic.ResourceProvider, "configure">;

type Values = Record<string, unknown>;

/**
 * The implementation of each resource: the dynamic provider that TypeScript programs use, loaded
 * on first use so that the plugin process loads only what a stack declares.
 */
const IMPLEMENTATIONS: Readonly<Record<string, () => Lifecycle>> = {
  TenantCertificate: () => new (require("../tenant-certificate/provider") as typeof import("../tenant-certificate/provider")).TenantCertificateProvider() as Lifecycle,
  Organization: () => new (require("../organization/provider") as typeof import("../organization/provider")).OrganizationProvider() as unknown as Lifecycle,
  BackupJob: () => new (require("../backup-job/provider") as typeof import("../backup-job/provider")).BackupJobProvider() as unknown as Lifecycle,
  RestoreOperatorRole: () => new (require("../restore-operator-role/provider") as typeof import("../restore-operator-role/provider")).RestoreOperatorRoleProvider() as unknown as Lifecycle,
};

interface PluginResource {
  entry: CatalogueEntry;
  /** Inputs and outputs: what the state holds, for marking its secrets. */
  fields: Fields;
  implementation?: Lifecycle;
}

/**
 * The vb365 provider plugin's resources: each type token dispatched to the resource's own
 * lifecycle (provider/<resource>/provider.ts), the very code the dynamic resources run, with the
 * plugin's configuration in place of the stack config a dynamic provider reads. Values arrive
 * with their secret marks, which the implementations never see, and leave with the definition's
 * secret fields marked and every mark they arrived with kept: check's inputs keep the program's
 * marks, and outputs those of the inputs (or, on a refresh, of the state) they echo.
 */
export class Vb365PluginProvider {
  private readonly resources = new Map<string, PluginResource>(CATALOGUE.map((entry) => [token(entry.name), { entry, fields: { ...entry.inputs, ...entry.outputs } }]));
  private configuration: pulumi.dynamic.ConfigureRequest | undefined;

  /** `get(key)` answers `vb365:<name>` keys, as the stack config does for a dynamic provider. */
  configure(config: { get(key: string): string | undefined }): void {
    this.configuration = { config: config as pulumi.dynamic.ConfigureRequest["config"] };
    for (const resource of this.resources.values()) resource.implementation?.configure?.(this.configuration);
  }

  /** `name`: the resource's, which inputs such as a job's name default to, as in a TypeScript program. */
  async check(type: string, name: string, olds: Values, news: Values): Promise<pulumi.dynamic.CheckResult> {
    const resource = this.resource(type);
    const named = Object.entries(resource.entry.inputs).filter(([input, field]) => field.namedAfterResource && news[input] === undefined);
    const given = { ...(revealed(news) as Values), ...Object.fromEntries(named.map(([input]) => [input, name])) };
    const result = await this.lifecycle(resource).check(revealed(olds), given);
    return result.inputs ? { ...result, inputs: withReceivedSecretsKept(withSecretsMarked(result.inputs as Values, resource.entry.inputs), news) } : result;
  }

  async diff(type: string, id: string, olds: Values, news: Values): Promise<pulumi.dynamic.DiffResult> {
    return this.lifecycle(this.resource(type)).diff(id, revealed(olds), revealed(news));
  }

  async create(type: string, inputs: Values): Promise<{ id: string; outs: Values }> {
    const resource = this.resource(type);
    const { id, outs } = await this.lifecycle(resource).create(revealed(inputs));
    return { id, outs: withReceivedSecretsKept(withSecretsMarked(outs as Values, resource.fields), inputs) };
  }

  /**
   * Refresh, and `pulumi import` or the `import` option: with no properties, the implementation
   * finds the resource by its id alone and returns the inputs that declare it. A refresh also
   * sends the inputs in the state (`inputs`), whose marks the result keeps as the state's own; an
   * import has none to keep.
   */
  async read(type: string, id: string, props: Values | undefined, inputs?: Values): Promise<{ id?: string; props?: Values; inputs?: Values }> {
    const resource = this.resource(type);
    const result = await this.lifecycle(resource).read(id, props === undefined ? undefined : revealed(props));
    if (!result.id) return {};
    return {
      id: result.id,
      props: result.props ? withReceivedSecretsKept(withSecretsMarked(result.props as Values, resource.fields), props, inputs) : undefined,
      inputs: result.inputs ? withReceivedSecretsKept(withSecretsMarked(result.inputs as Values, resource.entry.inputs), inputs) : undefined,
    };
  }

  async update(type: string, id: string, olds: Values, news: Values): Promise<Values> {
    const resource = this.resource(type);
    const { outs } = await this.lifecycle(resource).update(id, revealed(olds), revealed(news));
    return withReceivedSecretsKept(withSecretsMarked((outs ?? {}) as Values, resource.fields), news);
  }

  async delete(type: string, id: string, props: Values): Promise<void> {
    await this.lifecycle(this.resource(type)).delete(id, revealed(props));
  }

  private resource(type: string): PluginResource {
    const resource = this.resources.get(type);
    if (!resource) throw new Error(`The vb365 provider has no resource ${type}; it offers ${[...this.resources.keys()].join(", ")}.`);
    return resource;
  }

  private lifecycle(resource: PluginResource): Lifecycle {
    if (!resource.implementation) {
      resource.implementation = IMPLEMENTATIONS[resource.entry.name]!();
      if (this.configuration) resource.implementation.configure?.(this.configuration);
    }
    return resource.implementation;
  }
}
