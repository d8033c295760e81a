import { expect } from "chai";
import { describe, it } from "mocha";
import { DEFAULT_REPOSITORY_ID, type Inventory } from "../../../emulator";
import type { EmulatorClient } from "../../helpers/emulator";
import { useEmulatorWithOrganizations } from "../../helpers/emulator-fixtures";

const MISSING = "11111111-1111-1111-1111-111111111111";

describe("emulator restore operator role lists, organization deletes and switches", () => {
  const { fixture, organization } = useEmulatorWithOrganizations();
  const user = (inventory: Inventory, index: number) => ({ type: "User", user: { id: inventory.users[index]!.id } });
  const createRole = async (client: EmulatorClient, organizationId: string, inventory: Inventory, name = "Helpdesk") => {
    const response = await client.post(`/Organizations/${organizationId}/RbacRoles`, {
      name,
      roleType: "SpecificObjects",
      operators: [user(inventory, 0)],
      selectedItems: [{ type: "Site", site: { id: inventory.sites[0]!.id } }],
    });
    expect(response.status, response.text).to.be.within(200, 201);
    return response.body.id as string;
  };
  const ids = async (client: EmulatorClient, path: string) => (await client.get(path)).body.map((item: { id: string }) => item.id);

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("adds (POST, 204) and removes (DELETE ?ids=a,b, 204) operators and objects, and reads one by id", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const roleId = await createRole(client, id, inventory);
        const base = `/RbacRoles/${roleId}`;
        const added = await client.post(`${base}/operators`, [user(inventory, 1), user(inventory, 0), { type: "Group", id: inventory.groups[0]!.id }]);
        expect([added.status, added.text]).to.deep.equal([204, ""]);
        expect(await ids(client, `${base}/operators`), "an operator already listed keeps its place").to.deep.equal([inventory.users[0]!.id, inventory.users[1]!.id, inventory.groups[0]!.id]);
        const one = await client.get(`${base}/operators/${inventory.users[1]!.id.toUpperCase()}`);
        expect(one.body.user).to.include({ name: "alex@contoso.onmicrosoft.com" });
        expect((await client.get(`${base}/operators/${MISSING}`)).body.message).to.equal(`Restore operator with ID '${MISSING}' was not found in the restore operator role 'Helpdesk'.`);
        expect((await client.post(`${base}/operators`, [{ type: "User", user: { id: MISSING } }])).body.message).to.equal(
          `User with ID '${MISSING}' in 'operators[0]' was not found in the organization 'contoso.onmicrosoft.com'.`,
        );
        expect((await client.post(`${base}/operators`, [{ type: "Site", id: inventory.sites[0]!.id }])).body.message).to.equal("The value \"Site\" is not valid for 'operators[0].type'. Valid values: Group, User.");
        expect((await client.delete(`${base}/operators?ids=${inventory.users[0]!.id},${inventory.groups[0]!.id}`)).status).to.equal(204);
        expect(await ids(client, `${base}/operators`)).to.deep.equal([inventory.users[1]!.id]);
        expect((await client.delete(`${base}/operators?ids=${inventory.users[1]!.id}`)).body.message).to.equal("'operators' must list at least one restore operator.");
        expect((await client.delete(`${base}/operators?ids=${MISSING}`)).body.message).to.equal(`'ids' names '${MISSING}', which is not one of the operators of the restore operator role 'Helpdesk'.`);
        expect((await client.delete(`${base}/operators`)).body.message).to.equal("'ids' is required.");

        expect((await client.post(`${base}/selectedItems`, [{ type: "Group", group: { id: inventory.groups[1]!.id } }])).status).to.equal(204);
        expect((await client.get(`${base}/selectedItems/${inventory.groups[1]!.id}`)).body.group).to.include({ displayName: "Sales" });
        expect((await client.delete(`${base}/selectedItems?ids=${inventory.sites[0]!.id}`)).status).to.equal(204);
        expect((await client.delete(`${base}/selectedItems?ids=${inventory.groups[1]!.id}`)).body.message).to.equal("'selectedItems' must list at least one object when roleType is SpecificObjects.");
        expect((await client.post(`${base}/excludedItems`, [user(inventory, 2)])).status).to.equal(204);
        expect(await ids(client, `${base}/excludedItems`)).to.deep.equal([inventory.users[2]!.id]);
        expect((await client.get(`${base}/excludedItems/${inventory.users[0]!.id}`)).body.message).to.equal(`Excluded object with ID '${inventory.users[0]!.id}' was not found in the restore operator role 'Helpdesk'.`);
        expect((await client.delete(`${base}/excludedItems?ids=${inventory.users[2]!.id}`)).status).to.equal(204);
        expect(await ids(client, `${base}/excludedItems`)).to.deep.equal([]);
        expect((await client.post(`/RbacRoles/${MISSING}/selectedItems`, [])).status).to.equal(404);
      });

      it("deleteWithRoles: refused (409) while the organization has roles by default, or the roles go with it under cascade", async () => {
        const client = await fixture.client(version);
        const refused = await organization(client, "refuse.onmicrosoft.com");
        await createRole(client, refused.id, refused.inventory, "Helpdesk");
        await createRole(client, refused.id, refused.inventory, "Legal");
        const deleted = await client.delete(`/Organizations/${refused.id}`);
        expect(deleted.status).to.equal(409);
        expect(deleted.body.message).to.equal(
          "Cannot remove the organization 'refuse.onmicrosoft.com' because it has 2 restore operator roles ('Helpdesk', 'Legal'). Remove the restore operator roles of the organization, then remove it.",
        );
        expect(fixture.current.state().roles).to.have.length(2);
        expect((await client.get(`/Organizations/${refused.id}`)).status).to.equal(200);
        fixture.current.configure({ deleteWithRoles: "cascade" });
        const cascaded = await organization(client, "cascade.onmicrosoft.com");
        const roleId = await createRole(client, cascaded.id, cascaded.inventory);
        expect((await client.delete(`/Organizations/${cascaded.id}`)).status).to.equal(204);
        expect(fixture.current.state().roles.map((role) => role.organizationId)).to.deep.equal([refused.id, refused.id]);
        expect((await client.get(`/RbacRoles/${roleId}`)).status).to.equal(404);
      });
    });
  }

  it("refuses for enabled jobs before roles, and an organization without roles deletes under refuse", async () => {
    const client = await fixture.client("v7");
    const { id, inventory } = await organization(client);
    await client.post(`/Organizations/${id}/Jobs`, { backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, name: "Nightly" });
    await createRole(client, id, inventory);
    expect((await client.delete(`/Organizations/${id}`)).body.message).to.match(/^Cannot remove the organization 'contoso.onmicrosoft.com' because 1 of its backup jobs is enabled/);
    fixture.current.configure({ deleteWithJobs: "cascade" });
    expect((await client.delete(`/Organizations/${id}`)).body.message).to.match(/because it has 1 restore operator role \('Helpdesk'\)/);
    expect(fixture.current.state().jobs, "a refused delete removes no job").to.have.length(1);
    const bare = await organization(client, "bare.onmicrosoft.com");
    expect((await client.delete(`/Organizations/${bare.id}`)).status).to.equal(204);
  });

  it("under putSemantics replace, a PUT needs name, roleType and operators and clears what it leaves out", async () => {
    fixture.current.configure({ putSemantics: "replace" });
    const client = await fixture.client("v8");
    const { id, inventory } = await organization(client);
    const roleId = await createRole(client, id, inventory);
    await client.put(`/RbacRoles/${roleId}`, { name: "Helpdesk", description: "kept?", roleType: "SpecificObjects", operators: [user(inventory, 0)], selectedItems: [user(inventory, 1)], excludedItems: [user(inventory, 2)] });
    expect((await client.put(`/RbacRoles/${roleId}`, { roleType: "EntireOrganization" })).body.message).to.equal("'name' is required.");
    expect((await client.put(`/RbacRoles/${roleId}`, { name: "Renamed" })).body.message).to.equal("'roleType' is required.");
    expect((await client.put(`/RbacRoles/${roleId}`, { name: "Renamed", roleType: "EntireOrganization" })).body.message).to.equal("'operators' must list at least one restore operator.");
    expect((await client.put(`/RbacRoles/${roleId}`, { name: "Renamed", roleType: "EntireOrganization", operators: [user(inventory, 1)] })).status).to.equal(204);
    const read = (await client.get(`/RbacRoles/${roleId}`)).body;
    expect(read).to.include({ name: "Renamed", roleType: "EntireOrganization" });
    expect(read).to.not.have.property("description");
    expect(await ids(client, `/RbacRoles/${roleId}/operators`)).to.deep.equal([inventory.users[1]!.id]);
    expect(await ids(client, `/RbacRoles/${roleId}/selectedItems`)).to.deep.equal([]);
    expect(await ids(client, `/RbacRoles/${roleId}/excludedItems`)).to.deep.equal([]);
  });

  it("keeps a role's objects when the inventory changes, and hides Team objects from v6", async () => {
    const v7 = await fixture.client("v7");
    const { id, inventory } = await organization(v7);
    const roleId = await createRole(v7, id, inventory);
    await v7.post(`/RbacRoles/${roleId}/selectedItems`, [{ type: "Team", team: { id: inventory.teams[1]!.id } }]);
    const [, team] = (await v7.get(`/RbacRoles/${roleId}/selectedItems`)).body;
    expect(team.team).to.deep.equal({ id: inventory.teams[1]!.id, description: "", displayName: "Engineering", mail: "engineering@contoso.onmicrosoft.com" });
    fixture.current.setInventory(id, { teams: [] });
    expect((await v7.get(`/RbacRoles/${roleId}/selectedItems`)).body[1]).to.deep.equal(team);
    const v6 = await fixture.client("v6");
    expect(await ids(v6, `/RbacRoles/${roleId}/selectedItems`)).to.deep.equal([inventory.sites[0]!.id]);
    expect((await v6.get(`/RbacRoles/${roleId}/selectedItems/${inventory.teams[1]!.id}`)).status).to.equal(404);
    expect((await v7.post(`/RbacRoles/${roleId}/selectedItems`, [{ type: "Team", id: inventory.teams[0]!.id }])).status, "a team gone from the inventory").to.equal(400);
  });

  it("counts the routes under their kinds and exposes the roles in state()", async () => {
    const client = await fixture.client("v8");
    const { id, inventory } = await organization(client);
    const roleId = await createRole(client, id, inventory);
    await client.get("/RbacRoles");
    await client.get(`/Organizations/${id}/RbacRoles`);
    await client.get(`/RbacRoles/${roleId}`);
    await client.put(`/RbacRoles/${roleId}`, { description: "x" });
    await client.get(`/RbacRoles/${roleId}/operators`);
    await client.get(`/RbacRoles/${roleId}/operators/${inventory.users[0]!.id}`);
    await client.post(`/RbacRoles/${roleId}/excludedItems`, [user(inventory, 2)]);
    const [role] = fixture.current.state().roles;
    expect(role).to.deep.include({ id: roleId, organizationId: id, name: "Helpdesk", description: "x", roleType: "SpecificObjects" });
    expect(role!.excludedItems.map((item) => item.user?.name)).to.deep.equal(["megan@contoso.onmicrosoft.com"]);
    await client.delete(`/RbacRoles/${roleId}`);
    const byKind = fixture.current.counters().byKind;
    const kinds = ["rbacRoles.create", "rbacRoles.list", "rbacRoles.get", "rbacRoles.update", "rbacRoles.operators", "rbacRoles.excludedItems.add", "rbacRoles.delete"];
    expect(kinds.map((kind) => byKind[kind])).to.deep.equal([1, 2, 1, 1, 2, 1, 1]);
  });
});
