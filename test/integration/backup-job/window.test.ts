import { expect } from "chai";
import { describe, it } from "mocha";
import { BackupJobProvider } from "../../../provider/backup-job/provider";
import type { BackupJobInputs, BackupJobOutputs } from "../../../provider/backup-job/types";
import { compileWindow } from "../../../provider/backup-job/window";
import { ConnectionPool } from "../../../provider/common/connection-pool";
import { EmulatorClient } from "../../helpers/emulator";
import { addExistingApplicationTenant, configuredProvider, emulatorConfig, stackConfig, useProviderWorld } from "../../helpers/organization-provider";

const TENANT = "contoso.onmicrosoft.com";
const nights = [{ days: "Workdays", from: "20:00", to: "06:00" }, { days: "Weekends", from: "00:00", to: "24:00" }];
const weekend = [{ days: "Weekends", from: "00:00", to: "24:00" }];

for (const version of ["v6", "v7", "v8"] as const) {
  describe(`Vb365BackupJob windows against the emulator (${version})`, () => {
    // Every body sent is checked against the version's official schema (useProviderWorld).
    const world = useProviderWorld();

    /** A provider as one `pulumi` command has it: its own pool, so its own job listing. */
    async function jobProvider(): Promise<BackupJobProvider> {
      const jobs = new BackupJobProvider(new ConnectionPool());
      await jobs.configure({ config: stackConfig(emulatorConfig(world.emulator, version)) });
      return jobs;
    }

    async function organizationAndJobs() {
      const organizations = await configuredProvider(emulatorConfig(world.emulator, version));
      const organization = await addExistingApplicationTenant(organizations, world.emulator, world.pfx, TENANT);
      return { organizationId: organization.id, jobs: await jobProvider() };
    }

    async function created(schedule: Record<string, unknown>) {
      const { organizationId, jobs } = await organizationAndJobs();
      const checked = await jobs.check({} as BackupJobInputs, { organizationId, name: "contoso-nights", repositoryName: "Default Backup Repository", schedule } as BackupJobInputs);
      if (checked.failures?.length) throw new Error(JSON.stringify(checked.failures));
      const inputs = checked.inputs!;
      const job = await jobs.create(inputs);
      return { jobs, inputs, id: job.id, outs: job.outs! };
    }

    /** A PUT as the console would make it: the job's schedule with `policy` laid over it. */
    async function changeInConsole(id: string, policy: Record<string, unknown>): Promise<void> {
      const client = new EmulatorClient(world.emulator, version);
      await client.login();
      const job = (await client.get(`/Jobs/${id}`)).body;
      const response = await client.put(`/Jobs/${id}`, { name: job.name, backupType: job.backupType, repositoryId: job.repositoryId, schedulePolicy: { ...job.schedulePolicy, ...policy } });
      expect(response.status, response.text).to.equal(204);
    }

    /** What `pulumi refresh` makes of the job. */
    async function refreshed(id: string, outs: BackupJobOutputs): Promise<BackupJobOutputs> {
      return (await (await jobProvider()).read(id, outs)).props!;
    }

    it("creates a daily job with a backup window, reads it back unchanged, sees a console change on refresh and puts it back", async () => {
      const { jobs, inputs, id, outs } = await created({ type: "Daily", dailyTime: "21:00", backupWindow: { allowed: nights, minuteOffset: 60 } });
      const stored = world.emulator.state().jobs.find((job) => job.id === id)!.schedulePolicy;
      expect(stored).to.deep.include({ backupWindowEnabled: true, backupWindowSettings: { backupWindow: compileWindow(inputs.schedule!.backupWindow!.allowed), minuteOffset: 60 } });

      const read = await refreshed(id, outs);
      expect(read.schedule).to.deep.equal(inputs.schedule);
      expect(await jobs.diff(id, read, inputs)).to.deep.equal({ changes: false, replaces: [] });

      await changeInConsole(id, { backupWindowSettings: { backupWindow: compileWindow([{ days: "Everyday", from: "18:00", to: "24:00" }]), minuteOffset: 60 } });
      const drifted = await refreshed(id, read);
      expect(drifted.schedule!.backupWindow).to.deep.equal({ allowed: [{ days: "Everyday", from: "18:00", to: "24:00" }], minuteOffset: 60 });
      expect(await jobs.diff(id, drifted, inputs)).to.deep.equal({ changes: true, replaces: [] });

      const update = await jobs.update(id, drifted, inputs);
      expect(await jobs.diff(id, await refreshed(id, update.outs!), inputs)).to.deep.equal({ changes: false, replaces: [] });
    });

    it("sees a window switched off in the console, and one the program leaves out is sent switched off", async () => {
      const { jobs, inputs, id, outs } = await created({ type: "Daily", backupWindow: { allowed: nights } });
      await changeInConsole(id, { backupWindowEnabled: false });
      const drifted = await refreshed(id, outs);
      expect(drifted.schedule).to.not.have.property("backupWindow");
      expect((await jobs.diff(id, drifted, inputs)).changes).to.equal(true);

      const withoutWindow = { ...inputs, schedule: { ...inputs.schedule!, backupWindow: undefined } };
      await jobs.update(id, outs, withoutWindow);
      expect(world.emulator.state().jobs[0]!.schedulePolicy).to.deep.include({ backupWindowEnabled: false });
      expect((await refreshed(id, outs)).schedule).to.not.have.property("backupWindow");
    });

    it("creates a periodic job with its periodic window and offset, and sees the window changed in the console", async () => {
      const { jobs, inputs, id, outs } = await created({ type: "Periodically", periodicallyEvery: "Hours2", periodicallyOffsetMinutes: 15, periodicallyWindow: { allowed: weekend } });
      const stored = world.emulator.state().jobs.find((job) => job.id === id)!.schedulePolicy;
      expect(stored).to.deep.include({ periodicallyOffsetMinutes: 15, periodicallyWindowSettings: { backupWindow: compileWindow(inputs.schedule!.periodicallyWindow!.allowed) } });
      // v6 has no periodicallyWindowEnabled: the settings go alone.
      if (version === "v6") expect(stored).to.not.have.property("periodicallyWindowEnabled");
      else expect(stored).to.deep.include({ periodicallyWindowEnabled: true });

      const read = await refreshed(id, outs);
      expect(read.schedule).to.deep.equal(inputs.schedule);
      expect((await jobs.diff(id, read, inputs)).changes).to.equal(false);

      await changeInConsole(id, { periodicallyWindowSettings: { backupWindow: compileWindow([{ days: "Sunday", from: "00:00", to: "24:00" }]) } });
      const drifted = await refreshed(id, read);
      expect(drifted.schedule!.periodicallyWindow).to.deep.equal({ allowed: [{ days: "Sunday", from: "00:00", to: "24:00" }] });
      expect((await jobs.diff(id, drifted, inputs)).changes).to.equal(true);
    });
  });
}
