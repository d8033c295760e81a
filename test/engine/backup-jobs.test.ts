import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER, startEmulator, type Emulator } from "../../emulator";
import { JobsApi } from "../../provider/client/jobs";
import { emulatorClient, emulatorConfig } from "../helpers/emulator-stack";
import { TestStack } from "../helpers/engine";

const COUNT = 20;
/** Veeam's job design guidance: Exchange, OneDrive and SharePoint, Teams; tenant0 has a fourth. */
const JOBS = 3 * COUNT + 1;
/** The stack, the shared certificate and its registration, the organizations, the jobs and tenant0's restore-operator role. */
const RESOURCES = 1 + 2 + COUNT + JOBS + 1;

/**
 * Vb365BackupJob through the engine on v7 and v8 (programs/backup-jobs): twenty tenants with
 * their jobs, a schedule changed in the console, an item that names nobody, and destroy.
 */
describe("Vb365BackupJob and Vb365RestoreOperatorRole through the Pulumi engine, on v7 and v8", () => {
  let emulator: Emulator;
  let stack: TestStack;
  const figures: Record<string, unknown> = {};

  before(async () => {
    emulator = await startEmulator();
    const connections = Object.fromEntries(
      ["v7", "v8"].map((version) => [version, { url: emulator.url, username: DEFAULT_USER.name, password: DEFAULT_USER.password, apiVersion: version, caCertificate: emulator.caPem }]),
    );
    stack = await TestStack.create({
      programDir: path.join(__dirname, "programs", "backup-jobs"),
      config: { ...emulatorConfig(emulator), "vb365:connections": { value: JSON.stringify(connections), secret: true }, count: { value: String(COUNT) } },
    });
  });

  after(async () => {
    console.log(`      request figures: ${JSON.stringify(figures)}`);
    await stack?.dispose();
    await emulator?.close();
  });

  const jobs = () => emulator.state().jobs;

  it("creates the organizations and their jobs: one token and one repository lookup per connection, one POST per organization and per job", async () => {
    emulator.resetCounters();
    const result = await stack.up();
    expect(result.summary.result).to.equal("succeeded");
    expect(emulator.state().organizations).to.have.length(COUNT);
    expect(jobs()).to.have.length(JOBS);
    const counters = emulator.counters();
    figures.upOf20TenantsWithJobs = counters.byRoute;
    expect(counters.byKind).to.deep.include({ token: 2, "organizations.create": COUNT, "jobs.create": JOBS, "repositories.list": 2, "rbacRoles.create": 1 });
    // tenant0's selected user and site, and its role's group and site, each looked up in its organization.
    expect(counters.byKind).to.deep.include({ "organizations.users": 1, "organizations.sites": 2, "organizations.groups": 1 });
    const people = jobs().find((job) => job.name === "tenant0-people")!;
    const inventory = emulator.state().inventories[people.organizationId];
    const alex = inventory.users.find((user) => user.name === "alex@tenant0.onmicrosoft.com")!;
    expect(JSON.stringify(people.selectedItems)).to.include(alex.id);
  });

  it("previews no change, without a single request", async () => {
    emulator.resetCounters();
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: RESOURCES });
    expect(emulator.counters().total).to.equal(0);
  });

  it("sees a schedule changed in the console on refresh, in one job listing per connection, and puts it back on up", async () => {
    const client = emulatorClient(emulator, "v8");
    const api = new JobsApi(client);
    const teams = jobs().find((job) => job.name === "tenant0-teams")!;
    const current = await api.getJob(teams.id);
    await api.updateJob(teams.id, { name: current.name, backupType: current.backupType, repositoryId: current.repositoryId, schedulePolicy: { type: "Daily", dailyType: "Weekends", dailyTime: "06:00:00", scheduleEnabled: true } });
    await client.close();

    emulator.resetCounters();
    const refresh = await stack.refresh();
    figures.refreshOf20TenantsWithJobs = emulator.counters().byKind;
    expect(emulator.counters().byKind).to.deep.include({ "jobs.list": 2, "organizations.list": 2 });
    expect(refresh.summary.resourceChanges).to.deep.include({ update: 1 });

    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.include({ update: 1 });
    await stack.up();
    expect(jobs().find((job) => job.id === teams.id)!.schedulePolicy).to.deep.include({ type: "Periodically", periodicallyEvery: "Hours4" });
    expect((await stack.preview()).changeSummary).to.deep.equal({ same: RESOURCES });
  });

  it("fails naming an item that resolves to nothing, and creates and changes nothing", async () => {
    const before = JSON.stringify(jobs());
    await stack.stack.setConfig("unknownUser", { value: "true" });
    const error = await stack.up().then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(error?.message).to.match(/selectedItems\[2\]: the organization \S+ has no user nobody@tenant0\.onmicrosoft\.com; nothing was created or changed\./);
    expect(JSON.stringify(jobs())).to.equal(before);
    await stack.stack.setConfig("unknownUser", { value: "false" });
    expect((await stack.preview()).changeSummary).to.deep.equal({ same: RESOURCES });
  });

  it("destroys every job and role before its organization, leaving nothing on the server", async () => {
    await stack.destroy();
    expect(jobs()).to.deep.equal([]);
    expect(emulator.state().roles).to.deep.equal([]);
    expect(emulator.state().organizations).to.deep.equal([]);
  });
});
