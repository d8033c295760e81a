import { expect } from "chai";
import { describe, it } from "mocha";
import { ARCHIVE_REPOSITORY_ID, DEFAULT_REPOSITORY_ID, type Inventory } from "../../../emulator";
import type { EmulatorClient } from "../../helpers/emulator";
import { useEmulatorWithOrganizations } from "../../helpers/emulator-fixtures";

const MISSING = "11111111-1111-1111-1111-111111111111";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("emulator job updates and job items", () => {
  const { fixture, organization } = useEmulatorWithOrganizations();
  const createJob = (client: EmulatorClient, organizationId: string, body: Record<string, unknown>) =>
    client.version === "v8" ? client.post("/Jobs", { organizationId, ...body }) : client.post(`/Organizations/${organizationId}/Jobs`, body);
  const entireJob = async (client: EmulatorClient, organizationId: string) =>
    (await createJob(client, organizationId, { name: "Nightly", description: "All of it", backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID })).body;
  const selected = (inventory: Inventory) => [
    { type: "User", user: { id: inventory.users[1]!.id }, mailbox: true, oneDrive: false },
    { type: "Group", group: { id: inventory.groups[1]!.id }, members: true },
    { type: "Site", site: { id: inventory.sites[1]!.id } },
    { type: "Team", team: { id: inventory.teams[0]!.id }, teamsChats: true },
    { type: "PersonalSites" },
  ];
  const items = async (client: EmulatorClient, jobId: string, which: "SelectedItems" | "ExcludedItems") => {
    const response = await client.get(`/Jobs/${jobId}/${which}`);
    expect(response.status, response.text).to.equal(200);
    return client.version === "v8" ? response.body.results : response.body;
  };

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("updates a job with PUT (204), which GET shows without its items", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const job = await entireJob(client, id);
        const put = await client.put(`/Jobs/${job.id}`, {
          name: "Selected",
          backupType: "SelectedItems",
          repositoryId: ARCHIVE_REPOSITORY_ID,
          isEnabled: false,
          schedulePolicy: { type: "Periodically", periodicallyEvery: "Hours1" },
          selectedItems: selected(inventory),
          excludedItems: [{ type: "User", user: { id: inventory.users[0]!.id } }],
        });
        expect(put.status, put.text).to.equal(204);
        expect(put.text).to.equal("");
        const read = (await client.get(`/Jobs/${job.id}`)).body;
        expect(read).to.include({ name: "Selected", description: "All of it", backupType: "SelectedItems", repositoryId: ARCHIVE_REPOSITORY_ID, isEnabled: false });
        expect(read.schedulePolicy).to.deep.equal({ type: "Periodically", periodicallyEvery: "Hours1" });
        expect(read).to.not.have.property("selectedItems");
        expect(read).to.not.have.property("excludedItems");
        expect(read._links.selectedItems.href).to.equal(`/${version}/Jobs/${job.id}/SelectedItems`);
        if (version === "v8") expect([job.eTag, read.eTag]).to.deep.equal([1, 2]);
        expect(await client.put(`/Jobs/${job.id}`, { description: null })).to.include({ status: 204 });
        const cleared = (await client.get(`/Jobs/${job.id}`)).body;
        expect(cleared).to.not.have.property("description");
        expect(cleared).to.include({ name: "Selected", backupType: "SelectedItems", isEnabled: false });
      });

      it("refuses a PUT as a create is refused, leaving the job as it was", async () => {
        const client = await fixture.client(version);
        const { id } = await organization(client);
        const job = await entireJob(client, id);
        const unknownRepository = await client.put(`/Jobs/${job.id}`, { repositoryId: MISSING });
        expect(unknownRepository.status).to.equal(400);
        expect(unknownRepository.body.message).to.equal(`Backup repository with ID '${MISSING}' was not found.`);
        const noItems = await client.put(`/Jobs/${job.id}`, { backupType: "SelectedItems" });
        expect(noItems.body.message).to.equal("'selectedItems' must list at least one item when backupType is SelectedItems.");
        expect((await client.put(`/Jobs/${job.id}`, { backupType: "SelectedItems", selectedItems: [] })).status).to.equal(400);
        expect((await client.put(`/Jobs/${job.id}`, { backupType: "Everything" })).body.message).to.equal(
          "The value \"Everything\" is not valid for 'backupType'. Valid values: EntireOrganization, SelectedItems.",
        );
        const unknownJob = await client.put(`/Jobs/${MISSING}`, { name: "x" });
        expect(unknownJob.status).to.equal(404);
        expect(unknownJob.body.message).to.equal(`Backup job with ID '${MISSING}' was not found.`);
        expect((await client.get(`/Jobs/${job.id}`)).body).to.deep.equal(job);
      });

      it("checks each item's object against the organization's inventory", async () => {
        const client = await fixture.client(version);
        const { id } = await organization(client);
        const fabrikam = await organization(client, "fabrikam.onmicrosoft.com");
        const body = (items: unknown[], excluded: unknown[] = []) => ({ backupType: "SelectedItems", repositoryId: DEFAULT_REPOSITORY_ID, selectedItems: items, excludedItems: excluded });
        const unknownUser = await createJob(client, id, body([{ type: "PersonalSites" }, { type: "User", user: { id: MISSING } }]));
        expect(unknownUser.status).to.equal(400);
        expect(unknownUser.body.message).to.equal(`User with ID '${MISSING}' in 'selectedItems[1]' was not found in the organization 'contoso.onmicrosoft.com'.`);
        const otherTenant = await createJob(client, id, body([{ type: "Team", team: { id: fabrikam.inventory.teams[0]!.id } }]));
        expect(otherTenant.body.message).to.equal(`Team with ID '${fabrikam.inventory.teams[0]!.id}' in 'selectedItems[0]' was not found in the organization 'contoso.onmicrosoft.com'.`);
        expect((await createJob(client, id, body([{ type: "Site" }]))).body.message).to.equal("'selectedItems[0].site.id' is required for an item of type Site.");
        expect((await createJob(client, id, body([{ type: "Group", group: { displayName: "Sales" } }]))).body.message).to.equal("'selectedItems[0].group.id' is required for an item of type Group.");
        expect((await createJob(client, id, body([{ type: "OneDriveFolders", folders: ["Documents"] }]))).body.message).to.equal("'selectedItems[0].user.id' is required for an item of type OneDriveFolders.");
        const excluded = await createJob(client, id, body([{ type: "PartialOrganization", mailbox: true }], [{ type: "Site", site: { id: MISSING } }]));
        expect(excluded.body.message).to.equal(`Site with ID '${MISSING}' in 'excludedItems[0]' was not found in the organization 'contoso.onmicrosoft.com'.`);
        const job = await entireJob(client, id);
        const onPut = await client.put(`/Jobs/${job.id}`, { selectedItems: [{ type: "group", Group: { Id: MISSING } }] });
        expect(onPut.body.message).to.equal(`Group with ID '${MISSING}' in 'selectedItems[0]' was not found in the organization 'contoso.onmicrosoft.com'.`);
        expect(fixture.current.state().jobs).to.have.length(1);
      });

      it("lists the stored items, their objects completed from the inventory", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const created = await createJob(client, id, {
          backupType: "SelectedItems",
          repositoryId: DEFAULT_REPOSITORY_ID,
          selectedItems: [...selected(inventory), { type: "User", user: { id: inventory.users[2]!.id, displayName: "Megan B." }, chats: true, unknownMember: 1 }],
          excludedItems: [{ type: "Site", site: { id: inventory.sites[0]!.id } }],
        });
        const jobId = created.body.id as string;
        const [user, group, site, team, personal, megan] = await items(client, jobId, "SelectedItems");
        expect(user.id).to.match(GUID);
        expect(user).to.deep.equal({ type: "User", user: { id: inventory.users[1]!.id, name: "alex@contoso.onmicrosoft.com", displayName: "Alex Wilber" }, mailbox: true, oneDrive: false, id: user.id });
        expect(group.group).to.deep.equal({ id: inventory.groups[1]!.id, name: "sales@contoso.onmicrosoft.com", displayName: "Sales" });
        expect(site.site).to.deep.equal({ id: inventory.sites[1]!.id, url: "https://contoso.sharepoint.com/sites/Sales", title: "Sales", isCloud: true, isPersonal: false });
        expect(team).to.include({ type: "Team", teamsChats: true });
        expect(team.team).to.deep.equal({ id: inventory.teams[0]!.id, displayName: "Sales", mail: "sales@contoso.onmicrosoft.com" });
        expect(personal).to.deep.equal({ type: "PersonalSites", id: personal.id });
        expect(megan.user.displayName, "what was sent wins").to.equal("Megan B.");
        expect(megan).to.not.have.property("unknownMember");
        expect("chats" in megan, "chats is a v6 member").to.equal(version === "v6");
        const [excluded] = await items(client, jobId, "ExcludedItems");
        expect(excluded.site).to.include({ url: "https://contoso.sharepoint.com", isPersonal: false });
        expect(new Set([user.id, group.id, site.id, team.id, personal.id, megan.id, excluded.id]).size).to.equal(7);
        const missing = await client.get(`/Jobs/${MISSING}/SelectedItems`);
        expect(missing.status).to.equal(404);
      });
    });
  }

  it("pages job items in v8 and answers plain arrays up to v7", async () => {
    fixture.current.configure({ maxPageSize: 2 });
    const v8 = await fixture.client("v8");
    const { id, inventory } = await organization(v8);
    const job = (await createJob(v8, id, { backupType: "SelectedItems", repositoryId: DEFAULT_REPOSITORY_ID, selectedItems: selected(inventory) })).body;
    const first = (await v8.get(`/Jobs/${job.id}/SelectedItems`)).body;
    expect(first).to.include({ offset: 0, limit: 2 });
    expect(first.results.map((item: { type: string }) => item.type)).to.deep.equal(["User", "Group"]);
    expect(first._links.next.href).to.equal(`/v8/Jobs/${job.id}/SelectedItems?offset=2&limit=2`);
    expect((await v8.get(`/Jobs/${job.id}/ExcludedItems`)).body.results).to.deep.equal([]);
    const v7 = await fixture.client("v7");
    expect((await v7.get(`/Jobs/${job.id}/SelectedItems`)).body.map((item: { type: string }) => item.type)).to.deep.equal(["User", "Group", "Site", "Team", "PersonalSites"]);
  });

  it("keeps an item's id when one is sent, and its resolved object when the inventory changes", async () => {
    const client = await fixture.client("v8");
    const { id, inventory } = await organization(client);
    const job = await entireJob(client, id);
    const itemId = "5a1d3c0e-0000-4000-8000-000000000001";
    await client.put(`/Jobs/${job.id}`, { backupType: "SelectedItems", selectedItems: [{ id: itemId, type: "User", user: { id: inventory.users[1]!.id } }] });
    fixture.current.setInventory(id, { users: [] });
    const [item] = (await client.get(`/Jobs/${job.id}/SelectedItems`)).body.results;
    expect(item).to.deep.include({ id: itemId, user: { id: inventory.users[1]!.id, name: "alex@contoso.onmicrosoft.com", displayName: "Alex Wilber" } });
    const refused = await client.put(`/Jobs/${job.id}`, { selectedItems: [{ type: "User", user: { id: inventory.users[1]!.id } }] });
    expect(refused.status, "a user removed from the inventory can no longer be selected").to.equal(400);
  });

  it("under putSemantics replace, clears what a PUT leaves out and needs backupType and repositoryId", async () => {
    fixture.current.configure({ putSemantics: "replace" });
    const client = await fixture.client("v7");
    const { id } = await organization(client);
    const job = (await createJob(client, id, { name: "Nightly", description: "All of it", backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, isEnabled: false, schedulePolicy: { type: "ManualOnly" } })).body;
    expect((await client.put(`/Jobs/${job.id}`, { name: "Renamed" })).body.message).to.equal("'backupType' is required.");
    expect((await client.put(`/Jobs/${job.id}`, { name: "Renamed", backupType: "EntireOrganization" })).body.message).to.equal("'repositoryId' is required.");
    expect((await client.put(`/Jobs/${job.id}`, { name: "Renamed", backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID })).status).to.equal(204);
    const read = (await client.get(`/Jobs/${job.id}`)).body;
    expect(read).to.include({ name: "Renamed", isEnabled: true });
    expect(read).to.not.have.property("description");
    expect(read.schedulePolicy).to.include({ type: "Daily", dailyTime: "22:00:00" });
  });

  it("accepts v8's skipItemUpdate and refuses a value that is not a boolean", async () => {
    const client = await fixture.client("v8");
    const { id } = await organization(client);
    const job = await entireJob(client, id);
    expect((await client.put(`/Jobs/${job.id}?skipItemUpdate=true`, { name: "x" })).status).to.equal(204);
    expect((await client.put(`/Jobs/${job.id}?skipItemUpdate=sometimes`, { name: "y" })).body.message).to.equal(
      "The value 'sometimes' is not valid for skipItemUpdate: expected true or false.",
    );
    expect((await client.get(`/Jobs/${job.id}`)).body).to.include({ name: "x", eTag: 2 });
  });

  it("counts the new routes under their kinds", async () => {
    const client = await fixture.client("v6");
    const { id } = await organization(client);
    const job = await entireJob(client, id);
    await client.put(`/Jobs/${job.id}`, { name: "x" });
    await client.get(`/Jobs/${job.id}/SelectedItems`);
    await client.get(`/Jobs/${job.id}/ExcludedItems`);
    const byKind = fixture.current.counters().byKind;
    expect([byKind["jobs.update"], byKind["jobs.selectedItems"], byKind["jobs.excludedItems"]]).to.deep.equal([1, 1, 1]);
  });
});
