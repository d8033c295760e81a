import type * as pulumi from "@pulumi/pulumi";
import { type ConnectionSettings, isNotFound, resolveConnection, Vb365ApiError, Vb365Error } from "../client";
import { isUnknown } from "../common/check";
import { type ConnectionPool, sharedConnectionPool } from "../common/connection-pool";
import { reportingErrors } from "../common/errors";
import { organizationBody } from "./body";
import { checkOrganization } from "./check";
import { addOrAdoptOrganization } from "./create";
import { diffOrganization } from "./diff";
import { planOf } from "./plan";
import { inputsFromOutputs, outputsFromInputs, outputsFromRemote } from "./state";
import type { OrganizationInputs, OrganizationOutputs } from "./types";
import { updateBody } from "./update-body";

/**
 * The dynamic provider of Vb365Organization. Pulumi serializes this object into the state of
 * every organization, so it holds no settings or secrets when serialized: the connection comes
 * from the stack config handed to `configure` (and VB365_* variables), read in the provider
 * process. Exported for tests.
 */
export class OrganizationProvider implements pulumi.dynamic.ResourceProvider<OrganizationInputs, OrganizationOutputs> {
  private config?: pulumi.dynamic.Config;

  /** `pool`: the provider process's shared one; a test gives each provider its own. */
  constructor(private readonly pool: ConnectionPool = sharedConnectionPool()) {}

  async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.config = request.config;
  }

  async check(olds: OrganizationInputs, news: OrganizationInputs): Promise<pulumi.dynamic.CheckResult<OrganizationInputs>> {
    return reportingErrors(async () => {
      const connection = (news as { connection?: unknown }).connection;
      let settings: ConnectionSettings | undefined;
      if (!isUnknown(connection)) {
        try {
          settings = this.settings(typeof connection === "string" ? connection : undefined);
        } catch (error) {
          if (!Vb365Error.isInstance(error)) throw error;
          return { failures: [{ property: "connection", reason: error.message }] };
        }
      }
      return checkOrganization({ ...news }, settings?.apiVersion, olds);
    });
  }

  async diff(_id: string, olds: OrganizationOutputs, news: OrganizationInputs): Promise<pulumi.dynamic.DiffResult> {
    return reportingErrors(async () => {
      return diffOrganization(olds, news as OrganizationInputs);
    });
  }

  async create(inputs: OrganizationInputs): Promise<pulumi.dynamic.CreateResult<OrganizationOutputs>> {
    return reportingErrors(async () => {
      const settings = this.settings(inputs.connection);
      const created = await addOrAdoptOrganization(this.connections(), settings, planOf(inputs));
      return { id: created.id, outs: outputsFromInputs(inputs, created, settings.apiVersion) };
    });
  }

  async read(id: string, props?: OrganizationOutputs): Promise<pulumi.dynamic.ReadResult<OrganizationOutputs>> {
    return reportingErrors(async () => {
      if (!props) {
        throw new Error("Vb365Organization cannot be imported (dynamic resources do not support import, pulumi/pulumi#16175); declare it with adoptExisting: true instead.");
      }
      const remote = await this.connections().find(this.settings(props.connection), id);
      if (!remote) return {};
      const outputs = outputsFromRemote(props, remote);
      // ReadResult types `inputs` as Outputs; the engine takes any property map there.
      return { id, props: outputs, inputs: inputsFromOutputs(outputs) as OrganizationOutputs };
    });
  }

  async update(id: string, olds: OrganizationOutputs, news: OrganizationInputs): Promise<pulumi.dynamic.UpdateResult<OrganizationOutputs>> {
    return reportingErrors(async () => {
      const settings = this.settings(news.connection);
      const client = this.connections().client(settings);
      try {
        // The whole organization, as the server has it, with the declared changes on top: right
        // whether the server merges a PUT or replaces the organization with it.
        const current = await client.getOrganization(id);
        await client.updateOrganization(id, updateBody(current, organizationBody(planOf(news), "update")));
      } catch (error) {
        if (isNotFound(error)) {
          throw new Error(`The organization ${olds.name || id} no longer exists on ${settings.url}; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to add it again.`);
        }
        throw error;
      } finally {
        this.connections().forget(settings);
      }
      return { outs: outputsFromInputs(news, { id, name: olds.name }, settings.apiVersion) };
    });
  }

  async delete(id: string, props: OrganizationOutputs): Promise<void> {
    return reportingErrors(async () => {
      const settings = this.settings(props.connection);
      try {
        await this.connections().client(settings).deleteOrganization(id);
      } catch (error) {
        if (isNotFound(error)) return;
        if (error instanceof Vb365ApiError && error.status === 409) {
          throw new Error(`${error.message} Disable or delete the backup jobs of ${props.name || id} in VB365, then run the command again.`);
        }
        throw error;
      } finally {
        this.connections().forget(settings);
      }
    });
  }

  private settings(profile: string | undefined): ConnectionSettings {
    const config = this.config;
    return resolveConnection({ config: (key) => config?.get(key), env: process.env }, profile);
  }

  private connections(): ConnectionPool {
    return this.pool;
  }
}
