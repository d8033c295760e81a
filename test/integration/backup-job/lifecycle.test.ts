import { expect } from "chai";
import { describe, it } from "mocha";
import { BackupJobProvider } from "../../../provider/backup-job/provider";
import type { BackupJobInputs } from "../../../provider/backup-job/types";
import { ConnectionPool } from "../../../provider/common/connection-pool";
import { DEFAULT_REPOSITORY_ID } from "../../../emulator/seed";
import { addExistingApplicationTenant, configuredProvider, emulatorConfig, stackConfig, useProviderWorld } from "../../helpers/organization-provider";
import { rejection } from "../../helpers/rejection";

const TENANT = "contoso.onmicrosoft.com";

for (const version of ["v6", "v7", "v8"] as const) {
  describe(`Vb365BackupJob provider against the emulator (${version})`, () => {
    const world = useProviderWorld();

    async function organizationAndJobs() {
      const organizations = await configuredProvider(emulatorConfig(world.emulator, version));
      const organization = await addExistingApplicationTenant(organizations, world.emulator, world.pfx, TENANT);
      const jobs = new BackupJobProvider(new ConnectionPool());
      await jobs.configure({ config: stackConfig(emulatorConfig(world.emulator, version)) });
      return { organizationId: organization.id, jobs };
    }

    async function checked(jobs: BackupJobProvider, inputs: Record<string, unknown>): Promise<BackupJobInputs> {
      const result = await jobs.check({} as BackupJobInputs, inputs as BackupJobInputs);
      if (result.failures?.length) throw new Error(JSON.stringify(result.failures));
      return result.inputs!;
    }

    it("creates a selected-items job naming a user and a site by what people know them by, updates it in place and deletes it", async () => {
      const { organizationId, jobs } = await organizationAndJobs();
      const inputs = await checked(jobs, {
        organizationId,
        name: "contoso-people",
        repositoryName: "Default Backup Repository",
        backupType: "SelectedItems",
        selectedItems: [
          { type: "User", user: `Alex@${TENANT}`, mailbox: true },
          { type: "Site", site: "https://contoso.sharepoint.com/sites/Sales/" },
        ],
      });
      const created = await jobs.create(inputs);
      const stored = world.emulator.state().jobs.find((job) => job.id === created.id)!;
      const inventory = world.emulator.inventory(organizationId);
      expect(stored).to.deep.include({ name: "contoso-people", repositoryId: DEFAULT_REPOSITORY_ID, backupType: "SelectedItems", isEnabled: true });
      expect(JSON.stringify(stored.selectedItems)).to.include(inventory.users.find((user) => user.name === `alex@${TENANT}`)!.id);
      expect(JSON.stringify(stored.selectedItems)).to.include(inventory.sites.find((site) => site.url.endsWith("/sites/Sales"))!.id);
      expect(created.outs!.resolvedRepositoryId).to.equal(DEFAULT_REPOSITORY_ID);

      const changed = { ...inputs, schedule: { ...inputs.schedule!, dailyTime: "05:00:00" }, isEnabled: false };
      expect(await jobs.diff(created.id, created.outs!, changed)).to.deep.equal({ changes: true, replaces: [] });
      world.emulator.resetCounters();
      await jobs.update(created.id, created.outs!, changed);
      // What was resolved at creation is reused, and the token too: the update is the PUT alone.
      expect(world.emulator.counters().byKind).to.deep.equal({ "jobs.update": 1 });
      expect(world.emulator.state().jobs[0]).to.deep.include({ isEnabled: false });
      expect(world.emulator.state().jobs[0].schedulePolicy).to.deep.include({ dailyTime: "05:00:00" });

      const read = await jobs.read(created.id, created.outs!);
      expect(read.props!.schedule).to.deep.include({ dailyTime: "05:00:00" });
      await jobs.delete(created.id, created.outs!);
      expect(world.emulator.state().jobs).to.deep.equal([]);
      expect(await jobs.read(created.id, created.outs!)).to.deep.equal({});
    });

    it("refuses an item that names nobody in the organization, naming it, before any job is created", async () => {
      const { organizationId, jobs } = await organizationAndJobs();
      const inputs = await checked(jobs, {
        organizationId,
        name: "contoso-nobody",
        repositoryId: DEFAULT_REPOSITORY_ID,
        backupType: "SelectedItems",
        selectedItems: [{ type: "Team", team: "Sales" }, { type: "Group", group: "Finance" }],
      });
      const error = await rejection(jobs.create(inputs));
      expect(error.message).to.equal(
        `selectedItems[1]: the organization ${organizationId} has no group Finance; nothing was created or changed. Give the group's display name as the organization lists it.`,
      );
      expect(world.emulator.state().jobs).to.deep.equal([]);
    });

    it("names the repositories there are when the named one is not among them", async () => {
      const { organizationId, jobs } = await organizationAndJobs();
      const inputs = await checked(jobs, { organizationId, name: "contoso", repositoryName: "Cold Storage" });
      const error = await rejection(jobs.create(inputs));
      expect(error.message).to.equal(`repositoryName: ${world.emulator.url} has no backup repository named "Cold Storage"; it has Default Backup Repository, Archive Repository. Nothing was created or changed.`);
    });
  });
}
