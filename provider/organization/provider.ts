import type * as pulumi from "@pulumi/pulumi";
import { type ConnectionSettings, isNotFound, type RemoteOrganization, Vb365ApiError } from "../client";
import { ConnectedProvider } from "../common/connected-provider";
import { now } from "../tenant-certificate/clock";
import { reportingErrors } from "../common/errors";
import { organizationBody } from "./body";
import { checkOrganization } from "./check";
import { addOrAdoptOrganization } from "./create";
import { updateKeepingCredentials, withServerThumbprints } from "./kept-credentials";
import { refusedSwitch, rotationOutputs } from "./certificate-rotation";
import { changesTheServer, diffOrganization, organizationChanges } from "./diff";
import { importedInputs } from "./import";
import { planOf } from "./plan";
import { portalUnavailable, type RestorePortalAnswer, type RestorePortalOutputs, restorePortalOf } from "./restore-portal";
import { inputsFromOutputs, outputsFromInputs, outputsFromRemote } from "./state";
import type { OrganizationInputs, OrganizationOutputs } from "./types";
import { updateBody } from "./update-body";

/** The dynamic provider of Vb365Organization (its connection: connected-provider.ts). Exported for tests. */
export class OrganizationProvider extends ConnectedProvider implements pulumi.dynamic.ResourceProvider<OrganizationInputs, OrganizationOutputs> {

  async check(olds: OrganizationInputs, news: OrganizationInputs): Promise<pulumi.dynamic.CheckResult<OrganizationInputs>> {
    return reportingErrors(async () => {
      const connection = this.checkedConnection(news);
      if (connection.failure) return { failures: [connection.failure] };
      return checkOrganization({ ...news }, connection.apiVersion, olds);
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
      const { organization: created, plan } = await addOrAdoptOrganization(this.pool, settings, planOf(inputs));
      const declared = outputsFromInputs(plan.effective, created, settings.apiVersion);
      const outs = inputs.keepServerCredentials ? withServerThumbprints(declared, created) : declared;
      const rotation = rotationOutputs(plan, undefined, { at: now(), ...reportedApplication(created) });
      return { id: created.id, outs: { ...outs, ...rotation, ...(await this.restorePortal(settings, outs)) } };
    });
  }

  async read(id: string, props?: OrganizationOutputs): Promise<pulumi.dynamic.ReadResult<OrganizationOutputs>> {
    return reportingErrors(async () => {
      if (!props) return this.imported(id);
      const remote = await this.pool.find(this.settings(props.connection), id);
      if (!remote) return {};
      const refreshed = outputsFromRemote(props, remote);
      // A tenant whose portal step is settled keeps it: a refresh of a thousand stays one
      // listing per page. One still waiting for the portal asks again whether it is on now.
      const settled = props.restorePortalStatus?.startsWith("available") ?? false;
      const outputs = settled ? refreshed : { ...refreshed, ...(await this.restorePortal(this.settings(props.connection), refreshed)) };
      // ReadResult types `inputs` as Outputs; the engine takes any property map there.
      return { id, props: outputs, inputs: inputsFromOutputs(outputs) as OrganizationOutputs };
    });
  }

  async update(id: string, olds: OrganizationOutputs, news: OrganizationInputs): Promise<pulumi.dynamic.UpdateResult<OrganizationOutputs>> {
    return reportingErrors(async () => {
      const settings = this.settings(news.connection);
      const { updates, plan } = organizationChanges(olds, news);
      const at = now();
      if (!changesTheServer(updates)) {
        // Only the provider's own record changes (registeredThumbprints, a rotation starting to
        // wait or done waiting): nothing to send, and what the server last told stays.
        const outs = outputsFromInputs(plan.effective, { id, name: olds.name }, olds.apiVersion);
        return { outs: { ...outs, ...rotationOutputs(plan, olds, { at }), ...portalOf(olds) } };
      }
      const client = this.pool.client(settings);
      let current: RemoteOrganization | undefined;
      try {
        // The whole organization, as the server has it, with the declared changes on top: right
        // whether the server merges a PUT or replaces the organization with it.
        current = await client.getOrganization(id);
        if (news.keepServerCredentials) await updateKeepingCredentials(client, current, plan);
        else await client.updateOrganization(id, updateBody(current, organizationBody(plan, "update")));
      } catch (error) {
        if (isNotFound(error)) {
          throw new Error(`The organization ${olds.name || id} no longer exists on ${settings.url}; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to add it again.`);
        }
        throw refusedSwitch(error, plan, { at, ...reportedApplication(current) });
      } finally {
        this.pool.forget(settings, "organizations");
      }
      const declared = outputsFromInputs(plan.effective, { id, name: olds.name }, settings.apiVersion);
      const outs = news.keepServerCredentials && current ? withServerThumbprints(declared, current) : declared;
      const rotation = rotationOutputs(plan, olds, { at, ...reportedApplication(current) });
      return { outs: { ...outs, ...rotation, ...(await this.restorePortal(settings, outs)) } };
    });
  }

  async delete(id: string, props: OrganizationOutputs): Promise<void> {
    return reportingErrors(async () => {
      const settings = this.settings(props.connection);
      try {
        await this.pool.client(settings).deleteOrganization(id);
      } catch (error) {
        if (isNotFound(error)) return;
        if (error instanceof Vb365ApiError && error.status === 409) {
          throw new Error(`${error.message} Remove the backup jobs and restore operator roles of ${props.name || id} in VB365 (or from the program), then run the command again.`);
        }
        throw error;
      } finally {
        this.pool.forget(settings);
      }
    });
  }

  /**
   * An organization found by its id alone (`pulumi import`, the `import` option, `get`): on the
   * default connection, since an id names no server. What the server reports becomes the inputs.
   */
  private async imported(id: string): Promise<pulumi.dynamic.ReadResult<OrganizationOutputs>> {
    const settings = this.settings(undefined);
    const remote = await this.pool.find(settings, id);
    if (!remote) throw new Error(`${settings.url} has no organization ${id}: list them with \`vb365 tenants export --json\`.`);
    const inputs = importedInputs(remote, settings.apiVersion);
    const outs = withServerThumbprints(outputsFromInputs(inputs, remote, settings.apiVersion), remote);
    return { id, props: { ...outs, ...(await this.restorePortal(settings, outs)) }, inputs: inputs as OrganizationOutputs };
  }

  /**
   * The tenant's Restore Portal step. The server's portal settings are read once per process and
   * only for tenants that could use the portal; a failed read is reported in the status, never
   * failing the organization's own create or update.
   */
  private async restorePortal(settings: ConnectionSettings, outputs: OrganizationOutputs): Promise<RestorePortalOutputs> {
    const plan = planOf(outputs);
    const unavailable = portalUnavailable(plan.kind);
    if (unavailable) return unavailable;
    let answer: RestorePortalAnswer;
    try {
      answer = { settings: await this.pool.serverSetting(settings, "restorePortal", (client) => client.getRestorePortalSettings()) };
    } catch (error) {
      answer = { failure: error instanceof Error ? error.message : String(error) };
    }
    return restorePortalOf(outputs.name || plan.organizationName, outputs.region, answer);
  }
}

/** The application the server reports for an organization, for the words of a rotation. */
function reportedApplication(remote: RemoteOrganization | undefined): { reportedApplicationId?: string } {
  const id = remote?.exchangeOnlineSettings?.applicationId ?? remote?.sharePointOnlineSettings?.applicationId;
  return id ? { reportedApplicationId: id } : {};
}

/** The Restore Portal step as the state has it. */
function portalOf(olds: OrganizationOutputs): RestorePortalOutputs | Record<string, never> {
  return olds.restorePortalStatus === undefined ? {} : { restorePortalStatus: olds.restorePortalStatus, ...(olds.restorePortalConsentUrl ? { restorePortalConsentUrl: olds.restorePortalConsentUrl } : {}) };
}
