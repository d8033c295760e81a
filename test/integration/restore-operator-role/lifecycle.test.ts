import { expect } from "chai";
import { describe, it } from "mocha";
import { ConnectionPool } from "../../../provider/common/connection-pool";
import { RestoreOperatorRoleProvider } from "../../../provider/restore-operator-role/provider";
import type { RoleInputs } from "../../../provider/restore-operator-role/types";
import { addExistingApplicationTenant, configuredProvider, emulatorConfig, stackConfig, useProviderWorld } from "../../helpers/organization-provider";
import { rejection } from "../../helpers/rejection";

const TENANT = "contoso.onmicrosoft.com";

for (const version of ["v6", "v7", "v8"] as const) {
  describe(`Vb365RestoreOperatorRole provider against the emulator (${version})`, () => {
    const world = useProviderWorld();

    async function organizationAndRoles() {
      const organizations = await configuredProvider(emulatorConfig(world.emulator, version));
      const organization = await addExistingApplicationTenant(organizations, world.emulator, world.pfx, TENANT);
      const roles = new RestoreOperatorRoleProvider(new ConnectionPool());
      await roles.configure({ config: stackConfig(emulatorConfig(world.emulator, version)) });
      return { organizationId: organization.id, organization, organizations, roles };
    }

    async function checked(roles: RestoreOperatorRoleProvider, inputs: Record<string, unknown>): Promise<RoleInputs> {
      const result = await roles.check({} as RoleInputs, inputs as RoleInputs);
      if (result.failures?.length) throw new Error(JSON.stringify(result.failures));
      return result.inputs!;
    }

    it("creates a role for a group of the tenant over one site, changes it in place, reads it and deletes it", async () => {
      const { organizationId, roles } = await organizationAndRoles();
      const inputs = await checked(roles, {
        organizationId,
        name: "Helpdesk",
        roleType: "SpecificObjects",
        operators: [{ type: "Group", group: "All Company" }, { type: "User", user: `megan@${TENANT}` }],
        selectedItems: [{ type: "Site", site: "https://contoso.sharepoint.com/sites/Sales" }],
      });
      const created = await roles.create(inputs);
      const inventory = world.emulator.inventory(organizationId);
      const stored = world.emulator.state().roles.find((role) => role.id === created.id)!;
      expect(stored).to.deep.include({ name: "Helpdesk", roleType: "SpecificObjects", organizationId });
      expect(JSON.stringify(stored.operators)).to.include(inventory.groups.find((group) => group.displayName === "All Company")!.id);
      expect(JSON.stringify(stored.selectedItems)).to.include(inventory.sites.find((site) => site.url.endsWith("/sites/Sales"))!.id);

      const changed = { ...inputs, description: "First line", roleType: "EntireOrganization" as const, selectedItems: [] };
      expect(await roles.diff(created.id, created.outs!, changed)).to.deep.equal({ changes: true, replaces: [] });
      world.emulator.resetCounters();
      await roles.update(created.id, created.outs!, changed);
      expect(world.emulator.counters().byKind).to.deep.equal({ "rbacRoles.update": 1 });
      expect(world.emulator.state().roles[0]).to.deep.include({ description: "First line", roleType: "EntireOrganization" });

      const read = await roles.read(created.id, { ...created.outs!, description: "First line" });
      expect(read.props).to.deep.include({ description: "First line", roleType: "EntireOrganization" });
      await roles.delete(created.id, created.outs!);
      expect(world.emulator.state().roles).to.deep.equal([]);
      expect(await roles.read(created.id, created.outs!)).to.deep.equal({});
    });

    it("refuses an operator who is not in the tenant, naming them, before any role is created", async () => {
      const { organizationId, roles } = await organizationAndRoles();
      const inputs = await checked(roles, { organizationId, name: "Helpdesk", operators: [{ type: "User", user: `mallory@${TENANT}` }] });
      const error = await rejection(roles.create(inputs));
      expect(error.message).to.equal(
        `operators[0]: the organization ${organizationId} has no user mallory@${TENANT}; nothing was created or changed. Give the user's sign-in name (UPN) as the organization lists it, e.g. alex@contoso.onmicrosoft.com.`,
      );
      expect(world.emulator.state().roles).to.deep.equal([]);
    });

    it("checks the spec's rules at preview, in the user's terms", async () => {
      const { organizationId, roles } = await organizationAndRoles();
      const failures = async (inputs: Record<string, unknown>) => ((await roles.check({} as RoleInputs, inputs as RoleInputs)).failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`);
      expect(await failures({ organizationId, roleType: "SpecificObjects", operators: [{ type: "Group", group: "All Company" }] })).to.deep.equal([
        "selectedItems: roleType SpecificObjects needs at least one item in selectedItems: the objects the operators may restore (Veeam's spec).",
      ]);
      expect(await failures({ organizationId })).to.deep.equal(['operators: operators is required: the users or groups who may restore, e.g. [{ type: "Group", group: "Helpdesk" }].']);
      expect(await failures({ organizationId, operators: [{ type: "Site", site: "https://contoso.sharepoint.com" }] })).to.deep.equal([
        "operators[0].type: operators[0].type must be an operator whose type is User or Group.",
      ]);
      const teams = await failures({ organizationId, roleType: "SpecificObjects", operators: [{ type: "Group", group: "All Company" }], selectedItems: [{ type: "Team", team: "Sales" }] });
      expect(teams).to.deep.equal(version === "v6" ? ["selectedItems[0]: Teams are role items from VB365 REST API v7 on; this connection uses v6."] : []);
    });

    it("leaves the organization in place while a role is left, with a message that says what to remove", async () => {
      const { organizationId, organization, organizations, roles } = await organizationAndRoles();
      await roles.create(await checked(roles, { organizationId, name: "Helpdesk", operators: [{ type: "Group", group: "All Company" }] }));
      const error = await rejection(organizations.delete(organizationId, organization.outs));
      expect(error.message).to.match(/restore operator roles? \('Helpdesk'\).* Remove the backup jobs and restore operator roles of contoso\.onmicrosoft\.com in VB365 \(or from the program\), then run the command again\.$/);
      expect(world.emulator.state().organizations).to.have.length(1);
    });
  });
}
