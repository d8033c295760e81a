import { expect } from "chai";
import { describe, it } from "mocha";
import { parseTenants } from "../../../program/tenants-file";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const FILE = "tenants.yaml";

function problemsOf(text: string): string {
  return tenantsFileProblems(text, FILE);
}

describe("tenants file: backup jobs", () => {
  it("gives a tenant without backup: Veeam's split by service, on the file's default repository and schedule, Teams chats included where selected", () => {
    const [tenant] = parseTenants(
      `defaults:
  repository: Tier 1
  schedule: { type: Daily, dailyTime: "21:00" }
tenants:
  - name: northwind
    organization: northwind.onmicrosoft.com
    services: { exchange: false, sharePoint: true, teams: false }
    authentication: { kind: existingApplication, applicationId: 5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a }
`,
      FILE,
    );
    expect(tenant.backup).to.deep.equal([
      {
        name: "onedrive-sharepoint",
        repositoryName: "Tier 1",
        backupType: "SelectedItems",
        selectedItems: [{ type: "PartialOrganization", oneDrive: true, sites: true }],
        isEnabled: true,
        schedule: { type: "Daily", dailyTime: "21:00:00" },
      },
    ]);
  });

  it("takes declared jobs with the file's defaults where they say nothing, and none for an empty list", () => {
    const [contoso, fabrikam] = parseTenants(
      `tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: { kind: newApplication }
    backup:
      - name: everything
        schedule: { type: Periodically, periodicallyEvery: Hours4 }
      - name: people
        repository: Archive Repository
        enabled: false
        selectedItems:
          - { type: User, user: alex@contoso.onmicrosoft.com, mailbox: true }
          - { type: Site, site: "https://contoso.sharepoint.com/sites/Sales" }
  - name: fabrikam
    organization: fabrikam.onmicrosoft.com
    authentication: { kind: newApplication }
    backup: []
`,
      FILE,
    );
    expect(contoso.backup).to.deep.equal([
      { name: "everything", repositoryName: "Default Backup Repository", backupType: "EntireOrganization", isEnabled: true, schedule: { type: "Periodically", periodicallyEvery: "Hours4" } },
      {
        name: "people",
        repositoryName: "Archive Repository",
        backupType: "SelectedItems",
        isEnabled: false,
        selectedItems: [
          { type: "User", user: "alex@contoso.onmicrosoft.com", mailbox: true },
          { type: "Site", site: "https://contoso.sharepoint.com/sites/Sales" },
        ],
      },
    ]);
    expect(fabrikam.backup).to.deep.equal([]);
  });

  it("names the file, the tenant, the line and the field of a bad job", () => {
    const message = problemsOf(`defaults:
  repositry: Tier 1
tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: { kind: newApplication }
    backup:
      - name: people
        schedule: { type: Daily, dailyTime: 10pm }
      - name: teams
        selectedItems: [{ type: Channel }]
        enabled: sometimes
`);
    expect(message).to.equal(`tenants.yaml has 4 problems (reference: docs/tenants-file.md):
  - defaults.repositry (line 2): is not a field in defaults; did you mean "repository"?
  - tenant "contoso", backup[0].schedule.dailyTime (line 9): must be a time of day such as 22:00 (24-hour HH:MM)
  - tenant "contoso", backup[1].selectedItems[0].type (line 11): must be an item whose type is PartialOrganization, User, Group, Site, Team or PersonalSites
  - tenant "contoso", backup[1].enabled (line 12): must be true or false, not the text "sometimes"`);
  });

  it("holds the rules that span a tenant's jobs", () => {
    const message = problemsOf(`tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: { kind: newApplication }
    backup:
      - name: people
        backupType: SelectedItems
      - name: people
`);
    expect(message).to.equal(`tenants.yaml has 2 problems (reference: docs/tenants-file.md):
  - tenant "contoso", backup[0].selectedItems (line 6): is required with backupType SelectedItems: list what the job backs up
  - tenant "contoso", backup[1].name (line 8): is also the name of job #1 of this tenant; job names must be unique per tenant`);
  });
});
