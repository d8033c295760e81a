import { expect } from "chai";
import { describe, it } from "mocha";
import { BackupJobProvider } from "../../../provider/backup-job/provider";
import type { BackupJobInputs } from "../../../provider/backup-job/types";
import { ConnectionPool } from "../../../provider/common/connection-pool";
import { addExistingApplicationTenant, configuredProvider, emulatorConfig, stackConfig, useProviderWorld } from "../../helpers/organization-provider";
import { rejection } from "../../helpers/rejection";

describe("Vb365BackupJob's repository by name", () => {
  const world = useProviderWorld();

  async function organizationAndJobs() {
    const organization = await addExistingApplicationTenant(await configuredProvider(emulatorConfig(world.emulator, "v8")), world.emulator, world.pfx, "contoso.onmicrosoft.com");
    const jobs = new BackupJobProvider(new ConnectionPool());
    await jobs.configure({ config: stackConfig(emulatorConfig(world.emulator, "v8")) });
    world.emulator.resetCounters();
    const create = async (inputs: Record<string, unknown>) => {
      const checked = await jobs.check({} as BackupJobInputs, { organizationId: organization.id, ...inputs } as BackupJobInputs);
      if (checked.failures?.length) throw new Error(JSON.stringify(checked.failures));
      return jobs.create(checked.inputs!);
    };
    return { create };
  }

  it("is looked up once for every job of the process, however long the run takes", async () => {
    const { create } = await organizationAndJobs();
    for (const name of ["exchange", "sites", "teams"]) await create({ name, repositoryName: "Default Backup Repository" });
    expect(world.emulator.counters().byKind["repositories.list"]).to.equal(1);
  });

  it("is looked for once more before a name the server does not have fails, naming the ones it has", async () => {
    const { create } = await organizationAndJobs();
    await create({ name: "exchange", repositoryName: "Default Backup Repository" });
    const error = await rejection(create({ name: "archive", repositoryName: "Tape" }));
    expect(error.message).to.match(/^repositoryName: \S+ has no backup repository named "Tape"; it has Default Backup Repository.*Nothing was created or changed\.$/);
    expect(world.emulator.counters().byKind["repositories.list"]).to.equal(2);
    expect(world.emulator.state().jobs.map((job) => job.name)).to.deep.equal(["exchange"]);
  });
});
