import { expect } from "chai";
import { before, beforeEach, describe, it } from "mocha";
import { ARCHIVE_REPOSITORY_ID, DEFAULT_PROXY_ID, DEFAULT_REPOSITORY_ID, type ApiVersion } from "../../../emulator";
import { useEmulator, type EmulatorClient } from "../../helpers/emulator";
import { existingApplicationBody, pfxFixture, registerCertificate, type PfxFixture } from "../../helpers/emulator-fixtures";

describe("emulator backup repositories and jobs", () => {
  const fixture = useEmulator({ http: true });
  let pfx: PfxFixture;
  before(() => {
    pfx = pfxFixture();
  });
  // The customer's application trusts the fixture certificate (registered again after each reset).
  beforeEach(() => registerCertificate(fixture.current, pfx));

  const organization = async (client: EmulatorClient) => (await client.post("/Organizations", existingApplicationBody(pfx))).body.id as string;

  /** v6/v7 create under the organization, v8 with organizationId in the body. */
  const createJob = (client: EmulatorClient, organizationId: string, body: Record<string, unknown>) =>
    client.version === "v8" ? client.post("/Jobs", { organizationId, ...body }) : client.post(`/Organizations/${organizationId}/Jobs`, body);

  describe("GET /vN/BackupRepositories", () => {
    it("lists the two seeded repositories: an array up to v7, a page in v8", async () => {
      for (const version of ["v6", "v7"] as const) {
        const client = await fixture.client(version);
        const response = await client.get("/BackupRepositories");
        expect(response.body.map((r: { id: string }) => r.id)).to.deep.equal([DEFAULT_REPOSITORY_ID, ARCHIVE_REPOSITORY_ID]);
        expect(response.body[0]).to.not.have.property("isIndexed");
      }
      const v8 = await (await fixture.client("v8")).get("/BackupRepositories");
      expect(v8.body).to.include({ offset: 0, limit: 30 });
      expect(v8.body.results[0]).to.include({ id: DEFAULT_REPOSITORY_ID, name: "Default Backup Repository", isIndexed: true, proxyId: DEFAULT_PROXY_ID });
    });

    it("filters by longTerm and proxyId", async () => {
      const client = await fixture.client("v7");
      expect((await client.get("/BackupRepositories?longTerm=true")).body.map((r: { name: string }) => r.name)).to.deep.equal(["Archive Repository"]);
      expect((await client.get("/BackupRepositories?longTerm=false")).body).to.have.length(1);
      expect((await client.get("/BackupRepositories?proxyId=11111111-1111-1111-1111-111111111111")).body).to.deep.equal([]);
      expect((await client.get("/BackupRepositories?proxyId=nope")).status).to.equal(400);
    });
  });

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`jobs on ${version}`, () => {
      const created = version === "v8" ? 201 : 200;

      it(`creates a job (${created}) and reads it back with ${version}'s properties`, async () => {
        const client = await fixture.client(version);
        const organizationId = await organization(client);
        const response = await createJob(client, organizationId, { name: "Daily backup", description: "All of it", backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID });
        expect(response.status, response.text).to.equal(created);
        expect(response.body).to.include({ name: "Daily backup", description: "All of it", backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, isEnabled: true, lastStatus: "Stopped" });
        expect(response.body.schedulePolicy).to.include({ type: "Daily", dailyType: "Everyday", dailyTime: "22:00:00" });
        expect("organizationId" in response.body).to.equal(version === "v8");
        expect("eTag" in response.body).to.equal(version === "v8");
        expect("lastBackup" in response.body).to.equal(version !== "v6");
        const read = await client.get(`/Jobs/${response.body.id}`);
        expect(read.status).to.equal(200);
        expect(read.body).to.deep.equal(response.body);
      });

      it("enables and disables a job (204)", async () => {
        const client = await fixture.client(version);
        const job = (await createJob(client, await organization(client), { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, isEnabled: "false" })).body;
        expect(job.isEnabled).to.equal(false);
        expect((await client.post(`/Jobs/${job.id}/enable`)).status).to.equal(204);
        expect((await client.get(`/Jobs/${job.id}`)).body.isEnabled).to.equal(true);
        expect((await client.post(`/Jobs/${job.id}/disable`)).status).to.equal(204);
        expect((await client.get(`/Jobs/${job.id}`)).body.isEnabled).to.equal(false);
      });

      it("deletes a job (204), after which it is 404", async () => {
        const client = await fixture.client(version);
        const job = (await createJob(client, await organization(client), { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID })).body;
        expect((await client.delete(`/Jobs/${job.id}`)).status).to.equal(204);
        const gone = await client.get(`/Jobs/${job.id}`);
        expect(gone.status).to.equal(404);
        expect(gone.body.message).to.equal(`Backup job with ID '${job.id}' was not found.`);
        expect((await client.post(`/Jobs/${job.id}/enable`)).status).to.equal(404);
      });

      it("needs backupType and repositoryId, and a known repository", async () => {
        const client = await fixture.client(version);
        const organizationId = await organization(client);
        expect((await createJob(client, organizationId, { repositoryId: DEFAULT_REPOSITORY_ID })).body.message).to.equal("'backupType' is required.");
        expect((await createJob(client, organizationId, { backupType: "EntireOrganization" })).body.message).to.equal("'repositoryId' is required.");
        const unknown = await createJob(client, organizationId, { backupType: "EntireOrganization", repositoryId: "11111111-1111-1111-1111-111111111111" });
        expect(unknown.status).to.equal(400);
        expect(unknown.body.message).to.equal("Backup repository with ID '11111111-1111-1111-1111-111111111111' was not found.");
      });

      it("needs selected items for a SelectedItems job, with known item types", async () => {
        const client = await fixture.client(version);
        const organizationId = await organization(client);
        const empty = await createJob(client, organizationId, { backupType: "SelectedItems", repositoryId: DEFAULT_REPOSITORY_ID });
        expect(empty.body.message).to.equal("'selectedItems' must list at least one item when backupType is SelectedItems.");
        const badType = await createJob(client, organizationId, { backupType: "SelectedItems", repositoryId: DEFAULT_REPOSITORY_ID, selectedItems: [{ type: "Mailbox" }] });
        expect(badType.body.message).to.equal("The value \"Mailbox\" is not valid for 'type'. Valid values: Group, User, Site, PartialOrganization, PersonalSites, OneDriveFolders, Team.");
        const alex = fixture.current.inventory(organizationId).users[1]!;
        const ok = await createJob(client, organizationId, { backupType: "selecteditems", repositoryId: DEFAULT_REPOSITORY_ID, selectedItems: [{ type: "user", user: { id: alex.id }, mailbox: true }] });
        expect(ok.status, ok.text).to.equal(created);
      });

      it("stores a schedule policy bound the .NET way", async () => {
        const client = await fixture.client(version);
        const response = await createJob(client, await organization(client), {
          backupType: "EntireOrganization",
          repositoryId: DEFAULT_REPOSITORY_ID,
          SchedulePolicy: { Type: "periodically", periodicallyEvery: "hours1", retryEnabled: "true", retryNumber: 5, retryWaitInterval: 15 },
        });
        expect(response.body.schedulePolicy).to.deep.equal({ type: "Periodically", periodicallyEvery: "Hours1", retryEnabled: true, retryNumber: 5, retryWaitInterval: 15 });
      });

      it("lists jobs", async () => {
        const client = await fixture.client(version);
        const organizationId = await organization(client);
        await createJob(client, organizationId, { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID });
        const list = (await client.get("/Jobs")).body;
        const jobs = version === "v8" ? list.results : list;
        expect(jobs).to.have.length(1);
      });
    });
  }

  it("takes the organization from the path in v6/v7 (404) and from the body in v8 (400)", async () => {
    const missing = "11111111-1111-1111-1111-111111111111";
    const v7 = await fixture.client("v7");
    const path = await v7.post(`/Organizations/${missing}/Jobs`, { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID });
    expect(path.status).to.equal(404);
    const v8 = await fixture.client("v8");
    const body = await v8.post("/Jobs", { organizationId: missing, backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID });
    expect(body.status).to.equal(400);
    expect(body.body.message).to.equal(`Organization with ID '${missing}' was not found.`);
    expect((await v8.post("/Jobs", { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID })).body.message).to.equal("'organizationId' is required.");
  });

  it("has no organization-scoped job creation in v8 (removed, DOC-BREAK8)", async () => {
    const v8 = await fixture.client("v8");
    const response = await v8.post(`/Organizations/${await organization(v8)}/Jobs`, { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID });
    expect(response.status).to.equal(404);
  });

  it("filters v8 job pages by organization and repository", async () => {
    const client = await fixture.client("v8");
    const contoso = await organization(client);
    const fabrikam = (await client.post("/Organizations", existingApplicationBody(pfx, "fabrikam.onmicrosoft.com"))).body.id;
    for (const organizationId of [contoso, fabrikam]) await client.post("/Jobs", { organizationId, backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID });
    await client.post("/Jobs", { organizationId: contoso, backupType: "EntireOrganization", repositoryId: ARCHIVE_REPOSITORY_ID });
    expect((await client.get(`/Jobs?organizationId=${contoso}`)).body.results).to.have.length(2);
    expect((await client.get(`/Jobs?organizationId=${contoso}&repositoryId=${ARCHIVE_REPOSITORY_ID}`)).body.results).to.have.length(1);
    expect((await client.get("/Jobs?limit=1")).body._links.next.href).to.equal("/v8/Jobs?offset=1&limit=1");
  });

  it("refuses a schedule value another version does not have", async () => {
    const check = async (version: ApiVersion) => {
      const client = await fixture.client(version);
      return createJob(client, await organization(client), { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, schedulePolicy: { type: "Periodically", periodicallyEvery: "Hours12" } });
    };
    expect((await check("v7")).status).to.equal(400);
    fixture.current.reset();
    registerCertificate(fixture.current, pfx);
    expect((await check("v8")).status).to.equal(201);
  });
});
