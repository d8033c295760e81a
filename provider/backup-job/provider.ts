import type * as pulumi from "@pulumi/pulumi";
import { type ConnectionSettings, isNotFound } from "../client";
import { JobsApi } from "../client/jobs";
import type { RemoteJob } from "../client/job-schemas";
import { ConnectedProvider } from "../common/connected-provider";
import { reportingErrors } from "../common/errors";
import { JOB_ITEM_MEMBERS, jobBody } from "./body";
import { checkBackupJob } from "./check";
import { addOrAdoptJob } from "./create";
import { diffBackupJob } from "./diff";
import { importedJob } from "./import";
import { resolveItems } from "../common/object-lookup";
import { repositoryIdOf } from "./repository";
import { inputsFromJobOutputs, outputsFromJob, outputsFromRemoteJob } from "./state";
import type { BackupJobInputs, BackupJobOutputs } from "./types";

/** The dynamic provider of Vb365BackupJob (its connection: connected-provider.ts). */
export class BackupJobProvider extends ConnectedProvider implements pulumi.dynamic.ResourceProvider<BackupJobInputs, BackupJobOutputs> {

  async check(_olds: BackupJobInputs, news: BackupJobInputs): Promise<pulumi.dynamic.CheckResult<BackupJobInputs>> {
    return reportingErrors(async () => {
      const connection = this.checkedConnection(news);
      if (connection.failure) return { failures: [connection.failure] };
      return checkBackupJob({ ...news }, connection.apiVersion);
    });
  }

  async diff(_id: string, olds: BackupJobOutputs, news: BackupJobInputs): Promise<pulumi.dynamic.DiffResult> {
    return reportingErrors(async () => diffBackupJob(olds, news));
  }

  async create(inputs: BackupJobInputs): Promise<pulumi.dynamic.CreateResult<BackupJobOutputs>> {
    return reportingErrors(async () => {
      const settings = this.settings(inputs.connection);
      const api = this.api(settings);
      // Everything is looked up before the POST: a name that resolves to nothing creates nothing.
      const repositoryId = await repositoryIdOf(this.pool, settings, inputs);
      const items = await resolveItems(api, inputs.organizationId!, itemLists(inputs), JOB_ITEM_MEMBERS);
      const body = jobBody(inputs, { repositoryId, items }, "create", settings.apiVersion);
      const organizationId = inputs.organizationId!;
      const ofOrganization = `jobs of ${organizationId.toLowerCase()}`;
      const adoptable = () => this.pool.listingOf(settings, ofOrganization, (client) => new JobsApi(client).listOrganizationJobs(organizationId));
      let adopted = false;
      let job: RemoteJob;
      try {
        ({ job, adopted } = await addOrAdoptJob(api, { organizationId, name: String(body.name), body, adoptExisting: inputs.adoptExisting === true, adoptable }));
      } finally {
        this.pool.forget(settings, "jobs");
        // A job added (or maybe added, by a POST that failed) is news to the organization's listing; one taken over is in it.
        if (!adopted) this.pool.forget(settings, ofOrganization);
      }
      return { id: job.id, outs: outputsFromJob(inputs, { id: job.id, repositoryId, items }, settings.apiVersion) };
    });
  }

  async read(id: string, props?: BackupJobOutputs): Promise<pulumi.dynamic.ReadResult<BackupJobOutputs>> {
    return reportingErrors(async () => {
      if (!props) return this.imported(id);
      const settings = this.settings(props.connection);
      const remote = await this.pool.findIn(settings, "jobs", id, (client) => new JobsApi(client).listJobs());
      if (!remote) return {};
      const outputs = outputsFromRemoteJob(props, remote);
      // ReadResult types `inputs` as Outputs; the engine takes any property map there.
      return { id, props: outputs, inputs: inputsFromJobOutputs(outputs) as BackupJobOutputs };
    });
  }

  async update(id: string, olds: BackupJobOutputs, news: BackupJobInputs): Promise<pulumi.dynamic.UpdateResult<BackupJobOutputs>> {
    return reportingErrors(async () => {
      const settings = this.settings(news.connection);
      const api = this.api(settings);
      const repositoryId = await repositoryIdOf(this.pool, settings, news);
      // Ids resolved before stay; only a newly named object is looked up.
      const items = await resolveItems(api, news.organizationId!, itemLists(news), JOB_ITEM_MEMBERS, olds.resolvedItems ?? {});
      try {
        await api.updateJob(id, jobBody(news, { repositoryId, items }, "update", settings.apiVersion));
      } catch (error) {
        if (isNotFound(error)) throw new Error(`The backup job ${olds.name ?? id} no longer exists on ${settings.url}; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again.`);
        throw error;
      } finally {
        this.pool.forget(settings, "jobs");
      }
      return { outs: outputsFromJob(news, { id, repositoryId, items }, settings.apiVersion) };
    });
  }

  /** Disabled first, as the console does, so that no run starts while it goes. */
  async delete(id: string, props: BackupJobOutputs): Promise<void> {
    return reportingErrors(async () => {
      const settings = this.settings(props.connection);
      const api = this.api(settings);
      try {
        await api.setEnabled(id, false);
        await api.deleteJob(id);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      } finally {
        this.pool.forget(settings, "jobs");
      }
    });
  }

  /**
   * A job found by its id alone (`pulumi import`, the `import` option, `get`), on the default
   * connection: declared as the server has it, its objects resolved as a create would.
   */
  private async imported(id: string): Promise<pulumi.dynamic.ReadResult<BackupJobOutputs>> {
    const settings = this.settings(undefined);
    const api = this.api(settings);
    const job = await api.getJob(id).catch((error: unknown) => {
      if (isNotFound(error)) throw new Error(`${settings.url} has no backup job ${id}.`);
      throw error;
    });
    const inputs = await importedJob(api, job, settings.apiVersion);
    const items = await resolveItems(api, inputs.organizationId!, itemLists(inputs), JOB_ITEM_MEMBERS);
    const outs = outputsFromJob(inputs, { id, repositoryId: job.repositoryId ?? "", items }, settings.apiVersion);
    return { id, props: outs, inputs: inputs as BackupJobOutputs };
  }

  private api(settings: ConnectionSettings): JobsApi {
    return new JobsApi(this.pool.client(settings));
  }

}

function itemLists(inputs: BackupJobInputs) {
  return [
    { property: "selectedItems", items: inputs.selectedItems ?? [] },
    { property: "excludedItems", items: inputs.excludedItems ?? [] },
  ];
}
