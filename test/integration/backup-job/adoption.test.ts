import { expect } from "chai";
import { describe, it } from "mocha";
import { BackupJobProvider } from "../../../provider/backup-job/provider";
import type { BackupJobInputs } from "../../../provider/backup-job/types";
import { Vb365Client } from "../../../provider/client";
import { JobsApi } from "../../../provider/client/jobs";
import { ConnectionPool } from "../../../provider/common/connection-pool";
import { DEFAULT_REPOSITORY_ID } from "../../../emulator/seed";
import { addExistingApplicationTenant, configuredProvider, emulatorConfig, emulatorConnection, stackConfig, useProviderWorld } from "../../helpers/organization-provider";
import { rejection } from "../../helpers/rejection";

const CONSOLE_JOB = { name: "Nightly", backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, schedulePolicy: { type: "Daily", dailyType: "Everyday", dailyTime: "22:00:00" } };

for (const version of ["v6", "v7", "v8"] as const) {
  describe(`Vb365BackupJob taking over and taking back jobs (${version})`, () => {
    const world = useProviderWorld();

    /** Two tenants, each with a job "Nightly" made in the console. */
    async function twoTenantsWithConsoleJobs() {
      const organizations = await configuredProvider(emulatorConfig(world.emulator, version));
      const [contoso, fabrikam] = await Promise.all(["contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com"].map((tenant) => addExistingApplicationTenant(organizations, world.emulator, world.pfx, tenant)));
      const client = new Vb365Client(emulatorConnection(world.emulator, version));
      const api = new JobsApi(client);
      const [contosoJob, fabrikamJob] = [await api.createJob(contoso.id, CONSOLE_JOB), await api.createJob(fabrikam.id, CONSOLE_JOB)];
      await client.close();
      const jobs = new BackupJobProvider(new ConnectionPool());
      await jobs.configure({ config: stackConfig(emulatorConfig(world.emulator, version)) });
      world.emulator.resetCounters();
      return { contoso: contoso.id, fabrikam: fabrikam.id, contosoJob: contosoJob.id, fabrikamJob: fabrikamJob.id, jobs };
    }

    async function checked(jobs: BackupJobProvider, inputs: Record<string, unknown>): Promise<BackupJobInputs> {
      const result = await jobs.check({} as BackupJobInputs, inputs as BackupJobInputs);
      if (result.failures?.length) throw new Error(JSON.stringify(result.failures));
      return result.inputs!;
    }

    it("takes over the console's job of its name in its own organization, never the other tenant's, and adds none", async () => {
      const tenants = await twoTenantsWithConsoleJobs();
      const inputs = await checked(tenants.jobs, { organizationId: tenants.fabrikam, name: "Nightly", adoptExisting: true, repositoryId: DEFAULT_REPOSITORY_ID, schedule: { type: "Daily", dailyTime: "23:00" } });
      const created = await tenants.jobs.create(inputs);
      expect(created.id).to.equal(tenants.fabrikamJob);
      const { byKind } = world.emulator.counters();
      expect(byKind["jobs.create"] ?? 0).to.equal(0);
      expect(byKind["jobs.update"]).to.equal(1);
      const stored = world.emulator.state().jobs;
      expect(stored).to.have.length(2);
      expect(stored.find((job) => job.id === tenants.fabrikamJob)?.schedulePolicy).to.deep.include({ dailyTime: "23:00:00" });
      expect(stored.find((job) => job.id === tenants.contosoJob)?.schedulePolicy).to.deep.include({ dailyTime: "22:00:00" });
    });

    it("takes over an organization's jobs from one listing of them, however many it adopts", async () => {
      const tenants = await twoTenantsWithConsoleJobs();
      const api = new JobsApi(new Vb365Client(emulatorConnection(world.emulator, version)));
      const more = [await api.createJob(tenants.fabrikam, { ...CONSOLE_JOB, name: "Weekly" }), await api.createJob(tenants.fabrikam, { ...CONSOLE_JOB, name: "Teams" })];
      world.emulator.resetCounters();
      const adopting = ["Nightly", "Weekly", "Teams"].map((name) => checked(tenants.jobs, { organizationId: tenants.fabrikam, name, adoptExisting: true, repositoryId: DEFAULT_REPOSITORY_ID }));
      const created = await Promise.all((await Promise.all(adopting)).map((inputs) => tenants.jobs.create(inputs)));
      expect(created.map((job) => job.id)).to.deep.equal([tenants.fabrikamJob, ...more.map((job) => job.id)]);
      const { byKind } = world.emulator.counters();
      expect(byKind[version === "v8" ? "jobs.list" : "organizations.jobs"]).to.equal(1);
      expect(byKind["jobs.create"] ?? 0).to.equal(0);
    });

    it("adds a job when the organization has none of that name, even with adoptExisting", async () => {
      const tenants = await twoTenantsWithConsoleJobs();
      const created = await tenants.jobs.create(await checked(tenants.jobs, { organizationId: tenants.contoso, name: "Teams", adoptExisting: true, repositoryId: DEFAULT_REPOSITORY_ID }));
      expect([tenants.contosoJob, tenants.fabrikamJob]).to.not.include(created.id);
      expect(world.emulator.state().jobs).to.have.length(3);
    });

    it("takes back the job a POST added before its answer was lost, instead of adding it twice", async () => {
      const tenants = await twoTenantsWithConsoleJobs();
      world.emulator.injectFault({ kind: "jobs.create", reset: "after", times: 1 });
      const created = await tenants.jobs.create(await checked(tenants.jobs, { organizationId: tenants.contoso, name: "contoso-exchange", repositoryId: DEFAULT_REPOSITORY_ID }));
      const named = world.emulator.state().jobs.filter((job) => job.name === "contoso-exchange");
      expect(named.map((job) => [job.id, job.organizationId])).to.deep.equal([[created.id, tenants.contoso]]);
      expect(world.emulator.counters().byKind["jobs.create"]).to.equal(1);
    });

    it("stops, naming both, when the organization has two jobs of the name, and changes nothing", async () => {
      const tenants = await twoTenantsWithConsoleJobs();
      const client = new Vb365Client(emulatorConnection(world.emulator, version));
      const second = await new JobsApi(client).createJob(tenants.contoso, CONSOLE_JOB);
      await client.close();
      world.emulator.resetCounters();
      const error = await rejection(tenants.jobs.create(await checked(tenants.jobs, { organizationId: tenants.contoso, name: "Nightly", adoptExisting: true, repositoryId: DEFAULT_REPOSITORY_ID })));
      expect(error.message).to.match(new RegExp(`^Cannot tell which job is this resource's: the organization ${tenants.contoso} has 2 jobs named "Nightly" \\(.*${second.id}.*\\)\\. Nothing was changed\\.`));
      const { byKind } = world.emulator.counters();
      expect([byKind["jobs.create"] ?? 0, byKind["jobs.update"] ?? 0]).to.deep.equal([0, 0]);
    });
  });
}
