import type * as pulumi from "@pulumi/pulumi";
import { type ConnectionSettings, isNotFound } from "../client";
import { JobsApi } from "../client/jobs";
import { RolesApi } from "../client/roles";
import { ConnectedProvider } from "../common/connected-provider";
import { diffByDefinition } from "../common/definition-diff";
import { reportingErrors } from "../common/errors";
import { resolveItems } from "../common/object-lookup";
import { ROLE_OBJECT_MEMBERS, roleBody } from "./body";
import { checkRole } from "./check";
import { importedRole } from "./import";
import { ROLE_FIELDS } from "./definition";
import { inputsFromRoleOutputs, outputsFromRemoteRole, outputsFromRole } from "./state";
import type { RoleInputs, RoleOutputs } from "./types";

/** The dynamic provider of Vb365RestoreOperatorRole (its connection: connected-provider.ts). */
export class RestoreOperatorRoleProvider extends ConnectedProvider implements pulumi.dynamic.ResourceProvider<RoleInputs, RoleOutputs> {
  async check(_olds: RoleInputs, news: RoleInputs): Promise<pulumi.dynamic.CheckResult<RoleInputs>> {
    return reportingErrors(async () => {
      const connection = this.checkedConnection(news);
      if (connection.failure) return { failures: [connection.failure] };
      return checkRole({ ...news }, connection.apiVersion);
    });
  }

  async diff(_id: string, olds: RoleOutputs, news: RoleInputs): Promise<pulumi.dynamic.DiffResult> {
    return reportingErrors(async () => diffByDefinition(ROLE_FIELDS, olds, news));
  }

  async create(inputs: RoleInputs): Promise<pulumi.dynamic.CreateResult<RoleOutputs>> {
    return reportingErrors(async () => {
      const settings = this.settings(inputs.connection);
      // Every operator and object is looked up before the POST: one not there creates nothing.
      const objects = await this.resolve(settings, inputs);
      const role = await new RolesApi(this.pool.client(settings)).createRole(inputs.organizationId!, roleBody(inputs, objects));
      this.pool.forget(settings, "roles");
      return { id: role.id, outs: outputsFromRole(inputs, { id: role.id, objects }, settings.apiVersion) };
    });
  }

  async read(id: string, props?: RoleOutputs): Promise<pulumi.dynamic.ReadResult<RoleOutputs>> {
    return reportingErrors(async () => {
      if (!props) return this.imported(id);
      const remote = await this.pool.findIn(this.settings(props.connection), "roles", id, (client) => new RolesApi(client).listRoles());
      if (!remote) return {};
      const outputs = outputsFromRemoteRole(props, remote);
      // ReadResult types `inputs` as Outputs; the engine takes any property map there.
      return { id, props: outputs, inputs: inputsFromRoleOutputs(outputs) as RoleOutputs };
    });
  }

  async update(id: string, olds: RoleOutputs, news: RoleInputs): Promise<pulumi.dynamic.UpdateResult<RoleOutputs>> {
    return reportingErrors(async () => {
      const settings = this.settings(news.connection);
      const objects = await this.resolve(settings, news, olds.resolvedObjects ?? {});
      try {
        await new RolesApi(this.pool.client(settings)).updateRole(id, roleBody(news, objects));
      } catch (error) {
        if (isNotFound(error)) throw new Error(`The restore operator role ${olds.name ?? id} no longer exists on ${settings.url}; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again.`);
        throw error;
      } finally {
        this.pool.forget(settings, "roles");
      }
      return { outs: outputsFromRole(news, { id, objects }, settings.apiVersion) };
    });
  }

  async delete(id: string, props: RoleOutputs): Promise<void> {
    return reportingErrors(async () => {
      const settings = this.settings(props.connection);
      try {
        await new RolesApi(this.pool.client(settings)).deleteRole(id);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      } finally {
        this.pool.forget(settings, "roles");
      }
    });
  }

  /**
   * A role found by its id alone (`pulumi import`, the `import` option, `get`), on the default
   * connection: declared as the server has it, its objects resolved as a create would.
   */
  private async imported(id: string): Promise<pulumi.dynamic.ReadResult<RoleOutputs>> {
    const settings = this.settings(undefined);
    const api = new RolesApi(this.pool.client(settings));
    const role = await api.getRole(id).catch((error: unknown) => {
      if (isNotFound(error)) throw new Error(`${settings.url} has no restore operator role ${id}.`);
      throw error;
    });
    const inputs = await importedRole(api, role, settings.apiVersion);
    const objects = await this.resolve(settings, inputs);
    return { id, props: outputsFromRole(inputs, { id, objects }, settings.apiVersion), inputs: inputs as RoleOutputs };
  }

  private resolve(settings: ConnectionSettings, inputs: RoleInputs, known = {}) {
    const lists = [
      { property: "operators", items: inputs.operators ?? [] },
      { property: "selectedItems", items: inputs.selectedItems ?? [] },
      { property: "excludedItems", items: inputs.excludedItems ?? [] },
    ];
    return resolveItems(new JobsApi(this.pool.client(settings)), inputs.organizationId!, lists, ROLE_OBJECT_MEMBERS, known);
  }
}
