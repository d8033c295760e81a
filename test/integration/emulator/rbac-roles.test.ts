import { expect } from "chai";
import { describe, it } from "mocha";
import type { Inventory } from "../../../emulator";
import { useEmulatorWithOrganizations } from "../../helpers/emulator-fixtures";

const MISSING = "11111111-1111-1111-1111-111111111111";

describe("emulator restore operator roles (RBAC)", () => {
  const { fixture, organization } = useEmulatorWithOrganizations();
  const operators = (inventory: Inventory) => [{ type: "User", user: { id: inventory.users[1]!.id } }, { type: "Group", id: inventory.groups[1]!.id }];
  const specific = (inventory: Inventory, extra: Record<string, unknown> = {}) => ({
    name: "Sales restores",
    description: "Sales desk",
    roleType: "SpecificObjects",
    operators: operators(inventory),
    selectedItems: [{ type: "Site", site: { id: inventory.sites[1]!.id } }, { type: "User", user: { id: inventory.users[2]!.id } }],
    excludedItems: [{ type: "Group", group: { id: inventory.groups[0]!.id } }],
    ...extra,
  });
  const entire = (inventory: Inventory, name = "Helpdesk") => ({ name, roleType: "EntireOrganization", operators: [{ type: "User", user: { id: inventory.users[0]!.id } }] });

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("creates a role (200 up to v7, 201 with Location in v8) that GET and both listings show", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const created = await client.post(`/Organizations/${id}/RbacRoles`, specific(inventory, { id: MISSING, organizationId: MISSING }));
        expect(created.status, created.text).to.equal(version === "v8" ? 201 : 200);
        const role = created.body;
        expect(role.id).to.not.equal(MISSING);
        expect(role).to.deep.equal({
          id: role.id,
          organizationId: id,
          name: "Sales restores",
          description: "Sales desk",
          roleType: "SpecificObjects",
          _links: {
            self: { href: `/${version}/RbacRoles/${role.id}` },
            organization: { href: `/${version}/Organizations/${id}` },
            operators: { href: `/${version}/RbacRoles/${role.id}/operators` },
            selectedItems: { href: `/${version}/RbacRoles/${role.id}/selectedItems` },
            excludedItems: { href: `/${version}/RbacRoles/${role.id}/excludedItems` },
          },
        });
        expect(created.headers.location).to.equal(version === "v8" ? `/v8/RbacRoles/${role.id}` : undefined);
        expect((await client.get(`/RbacRoles/${role.id}`)).body).to.deep.equal(role);
        const other = await organization(client, "fabrikam.onmicrosoft.com");
        const second = (await client.post(`/Organizations/${other.id}/RbacRoles`, entire(other.inventory))).body;
        expect((await client.get("/RbacRoles")).body).to.deep.equal([role, second]);
        expect((await client.get(`/Organizations/${id}/RbacRoles`)).body).to.deep.equal([role]);
        expect((await client.get(`/Organizations/${MISSING}/RbacRoles`)).body.message).to.equal(`Organization with ID '${MISSING}' was not found.`);
      });

      it("lists the operators and objects, completed from the organization's inventory", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const role = (await client.post(`/Organizations/${id}/RbacRoles`, specific(inventory))).body;
        const [alex, sales] = (await client.get(`/RbacRoles/${role.id}/operators`)).body;
        expect(alex).to.deep.equal({
          id: inventory.users[1]!.id,
          type: "User",
          user: { id: inventory.users[1]!.id, displayName: "Alex Wilber", name: "alex@contoso.onmicrosoft.com", type: "User" },
          _links: { self: { href: `/${version}/RbacRoles/${role.id}/operators/${inventory.users[1]!.id}` } },
        });
        expect(sales.group).to.deep.equal({ id: inventory.groups[1]!.id, displayName: "Sales", name: "sales@contoso.onmicrosoft.com", type: "Office365" });
        const [site, megan] = (await client.get(`/RbacRoles/${role.id}/selectedItems`)).body;
        expect(site).to.deep.include({ id: inventory.sites[1]!.id, type: "Site", site: { id: inventory.sites[1]!.id, url: "https://contoso.sharepoint.com/sites/Sales", title: "Sales", isCloud: true, isPersonal: false } });
        expect(megan.user.name).to.equal("megan@contoso.onmicrosoft.com");
        const excluded = (await client.get(`/RbacRoles/${role.id}/excludedItems`)).body;
        expect(excluded.map((item: { group: { displayName: string } }) => item.group.displayName)).to.deep.equal(["All Company"]);
        expect((await client.get(`/RbacRoles/${MISSING}/operators`)).body.message).to.equal(`Restore operator role with ID '${MISSING}' was not found.`);
      });

      it("refuses operators and objects that are not the organization's, with nothing created", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const fabrikam = await organization(client, "fabrikam.onmicrosoft.com");
        const post = (body: Record<string, unknown>) => client.post(`/Organizations/${id}/RbacRoles`, body);
        const message = async (body: Record<string, unknown>) => {
          const response = await post(body);
          expect(response.status, response.text).to.equal(400);
          return response.body.message as string;
        };
        expect(await message(specific(inventory, { operators: [{ type: "User", user: { id: MISSING } }] }))).to.equal(
          `User with ID '${MISSING}' in 'operators[0]' was not found in the organization 'contoso.onmicrosoft.com'.`,
        );
        expect(await message(specific(inventory, { operators: [operators(inventory)[0], { type: "Group", group: { id: fabrikam.inventory.groups[0]!.id } }] }))).to.equal(
          `Group with ID '${fabrikam.inventory.groups[0]!.id}' in 'operators[1]' was not found in the organization 'contoso.onmicrosoft.com'.`,
        );
        expect(await message(specific(inventory, { selectedItems: [{ type: "Site", site: { id: MISSING } }] }))).to.equal(
          `Site with ID '${MISSING}' in 'selectedItems[0]' was not found in the organization 'contoso.onmicrosoft.com'.`,
        );
        expect(await message(specific(inventory, { excludedItems: [{ type: "User", id: MISSING }] }))).to.equal(
          `User with ID '${MISSING}' in 'excludedItems[0]' was not found in the organization 'contoso.onmicrosoft.com'.`,
        );
        expect(await message(specific(inventory, { selectedItems: [{ type: "Site" }] }))).to.equal("'selectedItems[0].site.id' is required for an item of type Site.");
        expect(await message(specific(inventory, { operators: [{ type: "Site", site: { id: inventory.sites[0]!.id } }] }))).to.equal(
          "The value \"Site\" is not valid for 'operators[0].type'. Valid values: Group, User.",
        );
        expect(fixture.current.state().roles).to.deep.equal([]);
        const team = await post(specific(inventory, { selectedItems: [{ type: "Team", team: { id: inventory.teams[0]!.id } }] }));
        if (version === "v6") expect(team.body.message).to.equal("The value \"Team\" is not valid for 'selectedItems[0].type'. Valid values: Group, User, Site.");
        else expect(team.status, "v7 and v8 know Team items").to.equal(version === "v8" ? 201 : 200);
        expect(fixture.current.state().roles).to.have.length(version === "v6" ? 0 : 1);
      });

      it("refuses a role without a name, a type, an operator, or with objects its type does not take", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const post = async (body: Record<string, unknown>) => (await client.post(`/Organizations/${id}/RbacRoles`, body)).body.message;
        expect(await post(specific(inventory, { name: undefined }))).to.equal("'name' is required.");
        expect(await post(specific(inventory, { name: " " }))).to.equal("'name' is required.");
        expect(await post(specific(inventory, { roleType: null }))).to.equal("'roleType' is required.");
        expect(await post(specific(inventory, { roleType: "Everything" }))).to.equal("The value \"Everything\" is not valid for 'roleType'. Valid values: EntireOrganization, SpecificObjects.");
        expect(await post(specific(inventory, { operators: [] }))).to.equal("'operators' must list at least one restore operator.");
        expect(await post(specific(inventory, { selectedItems: [] }))).to.equal("'selectedItems' must list at least one object when roleType is SpecificObjects.");
        expect(await post({ ...entire(inventory), selectedItems: [{ type: "User", user: { id: inventory.users[1]!.id } }] })).to.equal(
          "'selectedItems' must be empty when roleType is EntireOrganization: the role covers every object of the organization.",
        );
        const unknown = await client.post(`/Organizations/${MISSING}/RbacRoles`, entire(inventory));
        expect([unknown.status, unknown.body.message]).to.deep.equal([404, `Organization with ID '${MISSING}' was not found.`]);
        expect(fixture.current.state().roles).to.deep.equal([]);
        const withExclusions = await client.post(`/Organizations/${id}/RbacRoles`, { ...entire(inventory), roleType: "entireorganization", excludedItems: [{ type: "User", user: { id: inventory.users[0]!.id } }] });
        expect(withExclusions.body.roleType, "excluded objects narrow an entire-organization role").to.equal("EntireOrganization");
      });

      it("keeps role names unique in an organization (409), case-insensitively, on create and on PUT", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const first = (await client.post(`/Organizations/${id}/RbacRoles`, entire(inventory))).body;
        const duplicate = await client.post(`/Organizations/${id}/RbacRoles`, entire(inventory, "HELPDESK"));
        expect(duplicate.status).to.equal(409);
        expect(duplicate.body.message).to.equal("A restore operator role named 'Helpdesk' already exists in the organization 'contoso.onmicrosoft.com'.");
        if (version === "v8") expect(duplicate.body.errorCode).to.equal("OperationConflict");
        const other = await organization(client, "fabrikam.onmicrosoft.com");
        expect((await client.post(`/Organizations/${other.id}/RbacRoles`, entire(other.inventory))).status, "another organization may use the name").to.be.within(200, 201);
        const second = (await client.post(`/Organizations/${id}/RbacRoles`, entire(inventory, "Legal"))).body;
        const renamed = await client.put(`/RbacRoles/${second.id}`, { name: "helpdesk" });
        expect([renamed.status, renamed.body.message]).to.deep.equal([409, "A restore operator role named 'Helpdesk' already exists in the organization 'contoso.onmicrosoft.com'."]);
        expect((await client.put(`/RbacRoles/${first.id}`, { name: "HelpDesk" })).status, "a role may keep its own name").to.equal(204);
      });

      it("updates a role with PUT (204), merging what the body leaves out, and refuses as a create does", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const role = (await client.post(`/Organizations/${id}/RbacRoles`, entire(inventory))).body;
        const put = await client.put(`/RbacRoles/${role.id}`, { description: "First line", roleType: "SpecificObjects", selectedItems: [{ type: "Group", group: { id: inventory.groups[1]!.id } }] });
        expect([put.status, put.text]).to.deep.equal([204, ""]);
        const read = (await client.get(`/RbacRoles/${role.id}`)).body;
        expect(read).to.include({ name: "Helpdesk", description: "First line", roleType: "SpecificObjects" });
        expect((await client.get(`/RbacRoles/${role.id}/operators`)).body.map((item: { id: string }) => item.id)).to.deep.equal([inventory.users[0]!.id]);
        expect((await client.get(`/RbacRoles/${role.id}/selectedItems`)).body.map((item: { id: string }) => item.id)).to.deep.equal([inventory.groups[1]!.id]);
        const back = await client.put(`/RbacRoles/${role.id}`, { roleType: "EntireOrganization" });
        expect(back.body.message).to.equal("'selectedItems' must be empty when roleType is EntireOrganization: the role covers every object of the organization.");
        expect((await client.put(`/RbacRoles/${role.id}`, { operators: [{ type: "User", user: { id: MISSING } }] })).body.message).to.equal(
          `User with ID '${MISSING}' in 'operators[0]' was not found in the organization 'contoso.onmicrosoft.com'.`,
        );
        expect((await client.put(`/RbacRoles/${role.id}`, { operators: [] })).body.message).to.equal("'operators' must list at least one restore operator.");
        expect((await client.get(`/RbacRoles/${role.id}`)).body, "refused PUTs change nothing").to.deep.equal(read);
        expect((await client.put(`/RbacRoles/${role.id}`, { roleType: "EntireOrganization", selectedItems: [], description: null })).status).to.equal(204);
        expect((await client.get(`/RbacRoles/${role.id}`)).body).to.not.have.property("description");
        const missing = await client.put(`/RbacRoles/${MISSING}`, { name: "x" });
        expect([missing.status, missing.body.message]).to.deep.equal([404, `Restore operator role with ID '${MISSING}' was not found.`]);
      });

      it("deletes a role (204), then answers 404 for it", async () => {
        const client = await fixture.client(version);
        const { id, inventory } = await organization(client);
        const role = (await client.post(`/Organizations/${id}/RbacRoles`, entire(inventory))).body;
        const deleted = await client.delete(`/RbacRoles/${role.id}`);
        expect([deleted.status, deleted.text]).to.deep.equal([204, ""]);
        expect((await client.get(`/RbacRoles/${role.id}`)).status).to.equal(404);
        expect((await client.delete(`/RbacRoles/${role.id}`)).body.message).to.equal(`Restore operator role with ID '${role.id}' was not found.`);
        expect((await client.get("/RbacRoles")).body).to.deep.equal([]);
        expect((await client.get("/RbacRoles/not-a-guid")).body.message).to.equal("The value 'not-a-guid' is not valid for roleId.");
      });
    });
  }
});
