import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID, startEmulator, type Emulator, type EmulatorOptions } from "../../../emulator";
import { EmulatorClient } from "../../helpers/emulator";
import { contractViolations } from "../../helpers/emulator-contract";
import { APPLICATION_ID, existingApplicationBody, newApplicationBody, pfxFixture, registerCertificate } from "../../helpers/emulator-fixtures";

describe("emulator state file", () => {
  let dir: string;
  const running: Emulator[] = [];
  const violations: string[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "vb365-emulator-test-"));
  });
  after(async () => {
    await Promise.all(running.map((emulator) => emulator.close()));
    rmSync(dir, { recursive: true, force: true });
    expect(violations).to.deep.equal([]);
  });
  const start = async (options: EmulatorOptions) => {
    const emulator = await startEmulator({ http: true, recordBodies: true, ...options });
    running.push(emulator);
    return emulator;
  };
  const stop = async (emulator: Emulator) => {
    violations.push(...contractViolations(emulator.requests()));
    await emulator.close();
  };

  it("keeps organizations and jobs across restarts, but not tokens", async () => {
    const stateFile = join(dir, "nested", "state.json");
    const first = await start({ stateFile });
    const client = new EmulatorClient(first, "v8");
    await client.login();
    registerCertificate(first, pfxFixture());
    const organization = (await client.post("/Organizations", existingApplicationBody(pfxFixture()))).body;
    const job = (await client.post("/Jobs", { organizationId: organization.id, repositoryId: DEFAULT_REPOSITORY_ID, backupType: "EntireOrganization" })).body;
    await client.post(`/Jobs/${job.id}/disable`);
    await stop(first);

    const saved = JSON.parse(readFileSync(stateFile, "utf8"));
    expect(saved).to.include({ format: "vb365-emulator-state", version: 1 });
    expect(JSON.stringify(saved)).to.not.include(pfxFixture().password);

    const second = await start({ stateFile });
    const again = new EmulatorClient(second, "v8");
    again.token = client.token;
    expect((await again.get("/Organizations")).status, "a restart signs everybody out").to.equal(401);
    await again.login();
    expect((await again.get(`/Organizations/${organization.id}`)).body).to.deep.equal(organization);
    expect((await again.get(`/Jobs/${job.id}`)).body.isEnabled).to.equal(false);
    await stop(second);
  });

  it("keeps each organization's inventory and the jobs' items across restarts", async () => {
    const stateFile = join(dir, "inventory.json");
    const first = await start({ stateFile });
    const client = new EmulatorClient(first, "v8");
    await client.login();
    registerCertificate(first, pfxFixture());
    const organization = (await client.post("/Organizations", existingApplicationBody(pfxFixture()))).body;
    const inventory = first.setInventory(organization.id, { teams: [{ displayName: "Legal", mail: "legal@contoso.onmicrosoft.com" }] });
    const selectedItems = [{ type: "Team", team: { id: inventory.teams[0]!.id } }];
    const job = (await client.post("/Jobs", { organizationId: organization.id, repositoryId: DEFAULT_REPOSITORY_ID, backupType: "SelectedItems", selectedItems })).body;
    const items = (await client.get(`/Jobs/${job.id}/SelectedItems`)).body;
    await stop(first);
    expect(JSON.parse(readFileSync(stateFile, "utf8")).inventories[organization.id]).to.deep.equal(inventory);

    const second = await start({ stateFile });
    expect(second.inventory(organization.id)).to.deep.equal(inventory);
    const again = new EmulatorClient(second, "v8");
    await again.login();
    expect((await again.get(`/Jobs/${job.id}/SelectedItems`)).body).to.deep.equal(items);
    expect((await again.get(`/Organizations/${organization.id}/Teams`)).body.results.map((team: { displayName: string }) => team.displayName)).to.deep.equal(["Legal"]);
    await stop(second);
  });

  it("keeps restore operator roles with their operators and objects across restarts, and forgets them on reset", async () => {
    const stateFile = join(dir, "roles.json");
    const first = await start({ stateFile });
    const client = new EmulatorClient(first, "v7");
    await client.login();
    registerCertificate(first, pfxFixture());
    const organization = (await client.post("/Organizations", existingApplicationBody(pfxFixture()))).body;
    const inventory = first.inventory(organization.id);
    const body = {
      name: "Helpdesk",
      description: "Restores for the helpdesk",
      roleType: "SpecificObjects",
      operators: [{ type: "Group", group: { id: inventory.groups[1]!.id } }],
      selectedItems: [{ type: "Team", team: { id: inventory.teams[0]!.id } }],
      excludedItems: [{ type: "User", user: { id: inventory.users[2]!.id } }],
    };
    const role = (await client.post(`/Organizations/${organization.id}/RbacRoles`, body)).body;
    const lists = async (again: EmulatorClient) =>
      Promise.all(["operators", "selectedItems", "excludedItems"].map(async (list) => (await again.get(`/RbacRoles/${role.id}/${list}`)).body));
    const before = await lists(client);
    await stop(first);
    expect(JSON.parse(readFileSync(stateFile, "utf8")).roles.map((saved: { name: string }) => saved.name)).to.deep.equal(["Helpdesk"]);

    const second = await start({ stateFile });
    const again = new EmulatorClient(second, "v7");
    await again.login();
    expect((await again.get(`/RbacRoles/${role.id}`)).body).to.deep.equal(role);
    expect(await lists(again)).to.deep.equal(before);
    expect((await again.post(`/Organizations/${organization.id}/RbacRoles`, body)).status, "the name is still taken").to.equal(409);
    second.reset();
    expect(JSON.parse(readFileSync(stateFile, "utf8")).roles).to.deep.equal([]);
    await stop(second);
  });

  it("starts without roles from a file written before roles existed", async () => {
    const stateFile = join(dir, "before-roles.json");
    const first = await start({ stateFile });
    const client = new EmulatorClient(first, "v8");
    await client.login();
    registerCertificate(first, pfxFixture());
    const organization = (await client.post("/Organizations", existingApplicationBody(pfxFixture()))).body;
    await stop(first);
    const { roles: _roles, ...older } = JSON.parse(readFileSync(stateFile, "utf8"));
    writeFileSync(stateFile, JSON.stringify(older));
    const second = await start({ stateFile });
    expect(second.state().roles).to.deep.equal([]);
    expect(second.state().organizations.map((stored) => stored.id)).to.deep.equal([organization.id]);
    await stop(second);
  });

  it("keeps Entra applications and their certificates across restarts, control-API and VB365 registrations alike", async () => {
    const stateFile = join(dir, "applications.json");
    const first = await start({ stateFile });
    const client = new EmulatorClient(first, "v8");
    await client.login();
    first.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfxFixture().thumbprint, organizationName: "contoso.onmicrosoft.com" });
    const rotated = pfxFixture({ password: "Rotated-Passw0rd!" });
    const userCode = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body.userCode as string;
    first.approveDeviceCode(userCode, "fabrikam.onmicrosoft.com");
    expect((await client.post("/Organizations", newApplicationBody(userCode, rotated))).status).to.equal(201);
    const applications = first.applications();
    first.removeApplicationCertificate(APPLICATION_ID, pfxFixture().thumbprint);
    first.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfxFixture().thumbprint, organizationName: "contoso.onmicrosoft.com" });
    await stop(first);
    expect(JSON.parse(readFileSync(stateFile, "utf8")).applications).to.deep.equal(first.applications());

    const second = await start({ stateFile });
    expect(second.applications().map((application) => application.certificates.map((certificate) => certificate.thumbprint))).to.deep.equal(
      applications.map((application) => application.certificates.map((certificate) => certificate.thumbprint)),
    );
    expect(second.trustReport().map((entry) => [entry.name, entry.trusted])).to.deep.equal([["fabrikam.onmicrosoft.com", true]]);
    const again = new EmulatorClient(second, "v8");
    await again.login();
    expect((await again.post("/Organizations", existingApplicationBody(pfxFixture()))).status, "the registered certificate is still trusted").to.equal(201);
    second.removeApplicationCertificate(APPLICATION_ID, pfxFixture().thumbprint);
    expect(JSON.parse(readFileSync(stateFile, "utf8")).applications[0].certificates, "a removal is saved at once").to.deep.equal([]);
    await stop(second);
  });

  it("starts without applications from a file written before they existed", async () => {
    const stateFile = join(dir, "before-applications.json");
    const first = await start({ stateFile });
    first.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfxFixture().thumbprint });
    await stop(first);
    const { applications: _applications, ...older } = JSON.parse(readFileSync(stateFile, "utf8"));
    writeFileSync(stateFile, JSON.stringify(older));
    const second = await start({ stateFile });
    expect(second.applications()).to.deep.equal([]);
    await stop(second);
  });

  it("seeds the inventory of organizations in a file written before inventories existed", async () => {
    const stateFile = join(dir, "older.json");
    const first = await start({ stateFile });
    const client = new EmulatorClient(first, "v7");
    await client.login();
    registerCertificate(first, pfxFixture(), "fabrikam.onmicrosoft.com");
    const organization = (await client.post("/Organizations", existingApplicationBody(pfxFixture(), "fabrikam.onmicrosoft.com"))).body;
    const seeded = first.inventory(organization.id);
    await stop(first);
    const { inventories: _inventories, ...older } = JSON.parse(readFileSync(stateFile, "utf8"));
    writeFileSync(stateFile, JSON.stringify(older));
    const second = await start({ stateFile });
    expect(second.inventory(organization.id)).to.deep.equal(seeded);
    expect(second.inventory(organization.id).users[0]!.name).to.equal("admin@fabrikam.onmicrosoft.com");
    await stop(second);
  });

  it("starts empty, with the seeded repositories, when the file does not exist yet", async () => {
    const emulator = await start({ stateFile: join(dir, "fresh.json") });
    expect(emulator.state().repositories).to.have.length(2);
    await stop(emulator);
  });

  it("empties the file on reset", async () => {
    const stateFile = join(dir, "reset.json");
    const emulator = await start({ stateFile });
    const client = new EmulatorClient(emulator, "v7");
    await client.login();
    registerCertificate(emulator, pfxFixture());
    await client.post("/Organizations", existingApplicationBody(pfxFixture()));
    emulator.reset();
    expect(JSON.parse(readFileSync(stateFile, "utf8")).organizations).to.deep.equal([]);
    await stop(emulator);
  });

  it("refuses to start on a file it did not write", async () => {
    const stateFile = join(dir, "foreign.json");
    writeFileSync(stateFile, JSON.stringify({ hello: "world" }));
    let failure: unknown;
    try {
      await start({ stateFile });
    } catch (error) {
      failure = error;
    }
    expect((failure as Error).message).to.match(/^The state file .*foreign\.json was not written by vb365-emulator/);
    writeFileSync(stateFile, "{");
    failure = undefined;
    try {
      await start({ stateFile });
    } catch (error) {
      failure = error;
    }
    expect((failure as Error).message).to.match(/is not valid JSON/);
  });
});
