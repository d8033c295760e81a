import * as path from "node:path";
import { expect } from "chai";
import { describe, it } from "mocha";
import { loadTenantsFile, parseTenants } from "../../../program/tenants-file";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const FILE = "tenants.yaml";

/** A tenants file with one tenant, `contoso`, whose restoreOperators: is `roles`. */
function withRoles(roles: string): string {
  return `tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: { kind: newApplication }
    restoreOperators:
${roles}`;
}

function problemsOf(text: string): string {
  return tenantsFileProblems(text, FILE);
}

describe("tenants file: restore-operator roles", () => {
  it("gives a tenant without restoreOperators: no roles", () => {
    const [tenant] = parseTenants(
      `tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: { kind: newApplication }
`,
      FILE,
    );
    expect(tenant.restoreOperators).to.deep.equal([]);
  });

  it("takes declared roles, SpecificObjects for one that names objects and EntireOrganization for one that names none", () => {
    const [tenant] = parseTenants(
      withRoles(`      - name: helpdesk
        description: Helpdesk restores for Sales
        operators: [{ type: User, user: admin@contoso.onmicrosoft.com }]
        selectedItems:
          - { type: Group, group: Sales }
          - { type: Site, site: "https://contoso.sharepoint.com/sites/Sales" }
      - name: it-admins
        operators: [{ type: Group, group: All Company }, { type: User, user: alex@contoso.onmicrosoft.com }]
        excludedItems: [{ type: User, user: megan@contoso.onmicrosoft.com }]
      - name: teams-only
        roleType: SpecificObjects
        operators: [{ type: Group, group: Sales }]
        selectedItems: [{ type: Team, team: Sales }]
`),
      FILE,
    );
    expect(tenant.restoreOperators).to.deep.equal([
      {
        name: "helpdesk",
        description: "Helpdesk restores for Sales",
        roleType: "SpecificObjects",
        operators: [{ type: "User", user: "admin@contoso.onmicrosoft.com" }],
        selectedItems: [
          { type: "Group", group: "Sales" },
          { type: "Site", site: "https://contoso.sharepoint.com/sites/Sales" },
        ],
      },
      {
        name: "it-admins",
        roleType: "EntireOrganization",
        operators: [
          { type: "Group", group: "All Company" },
          { type: "User", user: "alex@contoso.onmicrosoft.com" },
        ],
        excludedItems: [{ type: "User", user: "megan@contoso.onmicrosoft.com" }],
      },
      { name: "teams-only", roleType: "SpecificObjects", operators: [{ type: "Group", group: "Sales" }], selectedItems: [{ type: "Team", team: "Sales" }] },
    ]);
  });

  it("reads the helpdesk role of fabrikam in the repository's own tenants.yaml", () => {
    const tenants = loadTenantsFile(path.join(__dirname, "..", "..", "..", "tenants.yaml"));
    expect(Object.fromEntries(tenants.map((tenant) => [tenant.name, tenant.restoreOperators.map((role) => `${role.name}: ${role.roleType}`)]))).to.deep.equal({
      contoso: [],
      fabrikam: ["helpdesk: SpecificObjects"],
      northwind: [],
    });
  });

  it("names the file, the tenant, the line and the field of an unknown setting, with the nearest known one", () => {
    expect(
      problemsOf(
        withRoles(`      - name: helpdesk
        operators: [{ type: User, user: admin@contoso.onmicrosoft.com }]
        selectedItem: [{ type: Group, group: Sales }]
`),
      ),
    ).to.equal(`tenants.yaml has 1 problem (reference: docs/tenants-file.md):
  - tenant "contoso", restoreOperators[0].selectedItem (line 8): is not a field in restoreOperators; did you mean "selectedItems"?`);
  });

  it("lists a role's fields for an unknown setting that is like none of them", () => {
    expect(
      problemsOf(
        withRoles(`      - name: helpdesk
        operators: [{ type: User, user: admin@contoso.onmicrosoft.com }]
        portal: true
`),
      ),
    ).to.equal(`tenants.yaml has 1 problem (reference: docs/tenants-file.md):
  - tenant "contoso", restoreOperators[0].portal (line 8): is not a field in restoreOperators (known: name, description, roleType, operators, selectedItems, excludedItems)`);
  });

  it("refuses a role without operators, with an empty list of them, or with one that is not a user or group", () => {
    expect(
      problemsOf(
        withRoles(`      - name: helpdesk
        selectedItems: [{ type: Group, group: Sales }]
      - name: nobody
        operators: []
      - name: sites
        operators: [{ type: Site, site: "https://contoso.sharepoint.com" }]
`),
      ),
    ).to.equal(`tenants.yaml has 3 problems (reference: docs/tenants-file.md):
  - tenant "contoso", restoreOperators[0].operators (line 6): is required: a list of operators
  - tenant "contoso", restoreOperators[1].operators (line 9): must name at least one operator
  - tenant "contoso", restoreOperators[2].operators[0].type (line 11): must be an operator whose type is User or Group`);
  });

  it("holds the rules that span a tenant's roles and a role's fields", () => {
    expect(
      problemsOf(
        withRoles(`      - name: helpdesk
        roleType: SpecificObjects
        operators: [{ type: User, user: admin@contoso.onmicrosoft.com }]
      - name: helpdesk
        roleType: EntireOrganization
        operators: [{ type: Group, group: Sales }]
        selectedItems: [{ type: Group, group: Sales }]
`),
      ),
    ).to.equal(`tenants.yaml has 3 problems (reference: docs/tenants-file.md):
  - tenant "contoso", restoreOperators[0].selectedItems (line 6): is required with roleType SpecificObjects: list what the operators may restore
  - tenant "contoso", restoreOperators[1].name (line 9): is also the name of role #1 of this tenant; role names must be unique per tenant
  - tenant "contoso", restoreOperators[1].selectedItems (line 12): is for roleType SpecificObjects; with EntireOrganization the operators may restore everything (excludedItems may still leave parts out)`);
  });

  it("refuses a name that cannot name a resource and a roleType VB365 does not have", () => {
    expect(
      problemsOf(
        withRoles(`      - name: Help Desk
        roleType: Everything
        operators: [{ type: Group, group: Sales }]
`),
      ),
    ).to.equal(`tenants.yaml has 2 problems (reference: docs/tenants-file.md):
  - tenant "contoso", restoreOperators[0].name (line 6): must be lower case letters, digits and dashes (it names the role's resource, <tenant>-<name>), e.g. helpdesk
  - tenant "contoso", restoreOperators[0].roleType (line 7): must be EntireOrganization or SpecificObjects`);
  });
});
