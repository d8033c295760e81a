import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, describe, it } from "mocha";
import { defaultCommonName, loadTenantsFile, parseTenants, TenantsFileError } from "../../../program/tenants-file";
import { tenantsFileProblems } from "../../helpers/tenants-file";

const FILE = "teams/tenants.yaml";
const GUID = "5f0e8e9a-3c1b-4d2a-9f6e-7b8c9d0e1f2a";

/** A tenants file with one tenant: `contoso`, a new application, everything else as given. */
function oneTenant(extra = "", authentication = "{ kind: newApplication }"): string {
  return `tenants:
  - name: contoso
    organization: contoso.onmicrosoft.com
    authentication: ${authentication}
${extra}`;
}

function problemsOf(text: string): string {
  return tenantsFileProblems(text, FILE);
}

describe("tenants file: valid files", () => {
  it("fills in every default of a minimal tenant", () => {
    const [tenant] = parseTenants(oneTenant(), FILE);
    expect(tenant).to.deep.equal({
      name: "contoso",
      organization: "contoso.onmicrosoft.com",
      region: "Worldwide",
      services: { exchange: true, sharePoint: true, teams: true, teamsChats: false },
      authentication: {
        kind: "newApplication",
        applicationName: "Veeam Backup for Microsoft 365 (contoso.onmicrosoft.com)",
        userCodeConfigKey: "deviceCode-contoso",
      },
      certificate: { commonName: "contoso.onmicrosoft.com VB365", keySize: 2048, validityDays: 730, pfxEncryption: "3des" },
      certificateRegistration: { by: "vb365" },
      adoptExisting: false,
      backup: [
        { name: "exchange", repositoryName: "Default Backup Repository", backupType: "SelectedItems", selectedItems: [{ type: "PartialOrganization", mailbox: true, archiveMailbox: true }], isEnabled: true },
        { name: "onedrive-sharepoint", repositoryName: "Default Backup Repository", backupType: "SelectedItems", selectedItems: [{ type: "PartialOrganization", oneDrive: true, sites: true }], isEnabled: true },
        { name: "teams", repositoryName: "Default Backup Repository", backupType: "SelectedItems", selectedItems: [{ type: "PartialOrganization", teams: true }], isEnabled: true },
      ],
      restoreOperators: [],
    });
  });

  it("keeps what an existing application declares and defaults its account", () => {
    const text = `tenants:
  - name: northwind
    organization: northwind.onmicrosoft.com
    region: usgovdefence
    services: { teams: false, teamsChats: true, exchange: true, sharePoint: true }
    authentication: { kind: existingApplication, applicationId: ${GUID}, configureApplication: true, userCodeConfigKey: northwindCode }
    certificate: { keySize: 4096, validityDays: 365, rotateBeforeDays: 30, pfxEncryption: aes256, commonName: Northwind backup }
    description: Silver tier
    connection: eu
    adoptExisting: true
`;
    const [tenant] = parseTenants(text, FILE);
    expect(tenant.region).to.equal("USDefence");
    expect(tenant.authentication).to.deep.equal({
      kind: "existingApplication",
      applicationId: GUID,
      account: "veeam-backup@northwind.onmicrosoft.com",
      configureApplication: true,
      userCodeConfigKey: "northwindCode",
    });
    expect(tenant.certificate).to.deep.equal({ keySize: 4096, validityDays: 365, rotateBeforeDays: 30, pfxEncryption: "aes256", commonName: "Northwind backup" });
    expect(tenant).to.deep.include({ description: "Silver tier", connection: "eu", adoptExisting: true });
  });

  it("reads the repository's own tenants.yaml", () => {
    const tenants = loadTenantsFile(path.join(__dirname, "..", "..", "..", "tenants.yaml"));
    expect(tenants.map((tenant) => [tenant.name, tenant.authentication.kind])).to.deep.equal([
      ["contoso", "newApplication"],
      ["fabrikam", "newApplication"],
      ["northwind", "existingApplication"],
    ]);
  });

  it("cuts a long organization's default common name to the 64 characters a certificate allows", () => {
    const organization = `${"a".repeat(70)}.example.com`;
    const name = defaultCommonName(organization);
    expect(name).to.have.length(64);
    expect(name).to.match(/^a+ VB365$/);
    expect(defaultCommonName("contoso.onmicrosoft.com")).to.equal("contoso.onmicrosoft.com VB365");
  });
});

describe("tenants file: every problem names the file, the tenant and the field", () => {
  const cases: Array<{ what: string; text: string; expected: string[] }> = [
    {
      what: "an unknown field of a tenant, with the nearest known one",
      text: oneTenant("    servics: { exchange: true }\n"),
      expected: ['tenant "contoso", servics (line 5): is not a field of a tenant; did you mean "services"?'],
    },
    {
      what: "an unknown field in authentication, with the fields of its kind",
      text: oneTenant("", `{ kind: existingApplication, applicationId: ${GUID}, secret: x }`),
      expected: ['tenant "contoso", authentication.secret (line 4): is not a field in authentication (known: kind, applicationId, account, configureApplication, userCodeConfigKey)'],
    },
    {
      what: "an unknown field at the top of the file",
      text: `${oneTenant()}default: {}\n`,
      expected: ['default (line 5): is not a field at the top of the file; did you mean "defaults"?'],
    },
    {
      what: "a region that does not exist, with the valid ones",
      text: oneTenant("    region: Mars\n"),
      expected: ['tenant "contoso", region (line 5): must be one of Worldwide, Germany, China, USDefence, USGovernment', 'not "Mars"'],
    },
    {
      what: "an application id that is not a GUID",
      text: oneTenant("", "{ kind: existingApplication, applicationId: my-app }"),
      expected: ['tenant "contoso", authentication.applicationId (line 4): must be the application (client) ID, a GUID'],
    },
    {
      what: "a device code's config key in the provider's own namespace, which vb365 device-code would refuse to write",
      text: oneTenant("", `{ kind: existingApplication, applicationId: ${GUID}, configureApplication: true, userCodeConfigKey: "vb365:password" }`),
      expected: [
        'tenant "contoso", authentication.userCodeConfigKey (line 4): "vb365:password" is in the vb365: namespace, which holds the provider\'s connection settings (vb365:password among them).',
        "A config key is [namespace:]name",
      ],
    },
    {
      what: "two tenants with one name",
      text: `${oneTenant()}  - name: contoso\n    organization: contoso2.onmicrosoft.com\n    authentication: { kind: newApplication }\n`,
      expected: ['tenant "contoso", name (line 5): is also the name of tenant #1; names must be unique'],
    },
    {
      what: "two tenants with one organization",
      text: `${oneTenant()}  - name: contoso-eu\n    organization: Contoso.onmicrosoft.com\n    authentication: { kind: newApplication }\n`,
      expected: ['tenant "contoso-eu", organization (line 6): "Contoso.onmicrosoft.com" is already onboarded by tenant "contoso"'],
    },
    {
      what: "Teams without Exchange",
      text: oneTenant("    services: { exchange: false }\n"),
      expected: ['tenant "contoso", services.teams (line 5): needs exchange and sharePoint both true (teams defaults to true: set it to false)'],
    },
    {
      what: "no service at all",
      text: oneTenant("    services: { exchange: false, sharePoint: false, teams: false }\n"),
      expected: ['tenant "contoso", services (line 5): must select exchange or sharePoint (or both)'],
    },
    {
      what: "Teams chats with a new application",
      text: oneTenant("    services: { teamsChats: true }\n"),
      expected: ['tenant "contoso", services.teamsChats (line 5): needs authentication kind "existingApplication"'],
    },
    {
      what: "rotateBeforeDays not below validityDays",
      text: oneTenant("    certificate: { validityDays: 30, rotateBeforeDays: 30 }\n"),
      expected: ['tenant "contoso", certificate.rotateBeforeDays (line 5): must be less than validityDays (30)'],
    },
    {
      what: "an unknown authentication kind",
      text: oneTenant("", "{ kind: password }"),
      expected: ['tenant "contoso", authentication.kind (line 4): must be "newApplication"', '"existingApplication" (the customer registered one), or, for an organization taken over with certificate: keep, "basic" or "modernWithLegacy", not "password"'],
    },
    {
      what: "a missing authentication",
      text: "tenants:\n  - name: contoso\n    organization: contoso.onmicrosoft.com\n",
      expected: ['tenant "contoso", authentication (line 2): is required: a mapping with kind "newApplication"'],
    },
    {
      what: "a value of the wrong type",
      text: oneTenant("    certificate: { validityDays: two years }\n"),
      expected: ['tenant "contoso", certificate.validityDays (line 5): must be a number, not the text "two years"'],
    },
    {
      what: "a key size Entra does not take",
      text: oneTenant("    certificate: { keySize: 1024 }\n"),
      expected: ['tenant "contoso", certificate.keySize (line 5): must be 2048, 3072 or 4096'],
    },
    {
      what: "a tenant without a usable name, named by its position",
      text: "tenants:\n  - organization: contoso.onmicrosoft.com\n    authentication: { kind: newApplication }\n",
      expected: ["tenant #1, name (line 2): is required"],
    },
    {
      what: "an empty tenant list",
      text: "tenants: []\n",
      expected: ["tenants (line 1): must list at least one tenant"],
    },
  ];

  for (const { what, text, expected } of cases) {
    it(`reports ${what}`, () => {
      const message = problemsOf(text);
      expect(message).to.match(/^teams\/tenants\.yaml has 1 problem \(reference: docs\/tenants-file\.md\):\n {2}- /);
      for (const fragment of expected) expect(message).to.contain(fragment);
    });
  }

  it("reports every problem at once, in the order of the file", () => {
    const text = `tenants:
  - name: Contoso
    organization: contoso
    authentication: { kind: newApplication }
  - name: fabrikam
    organization: fabrikam.onmicrosoft.com
    region: Atlantis
    authentication: { kind: existingApplication, applicationId: nope }
  - name: fabrikam
    organization: fabrikam2.onmicrosoft.com
    authentication: { kind: newApplication }
`;
    const lines = problemsOf(text).split("\n");
    expect(lines[0]).to.equal(`${FILE} has 5 problems (reference: docs/tenants-file.md):`);
    expect(lines.slice(1).map((line) => line.replace(/\): .*/, ")"))).to.deep.equal([
      '  - tenant "Contoso", name (line 2)',
      '  - tenant "Contoso", organization (line 3)',
      '  - tenant "fabrikam", region (line 7)',
      '  - tenant "fabrikam", authentication.applicationId (line 8)',
      '  - tenant "fabrikam", name (line 9)',
    ]);
  });

  it("reports invalid YAML with its line and column", () => {
    const message = problemsOf("tenants:\n  - name: contoso\n   organization: [\n");
    expect(message).to.match(/^teams\/tenants\.yaml is not valid YAML:\n {2}- line 3, column \d+: /);
  });

  it("reports a key given twice as invalid YAML", () => {
    const message = problemsOf(oneTenant("    region: Germany\n    region: China\n"));
    expect(message).to.contain(`${FILE} is not valid YAML:\n  - line 6, column 5: Map keys must be unique`);
  });

  it("reports an empty file and a file that is not a mapping", () => {
    expect(problemsOf("")).to.equal(`${FILE} is empty: it must start with "tenants:" followed by a list of tenants (see docs/tenants-file.md).`);
    expect(problemsOf("- contoso\n")).to.contain(`${FILE} is not a mapping`);
  });

  describe("a file that cannot be read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-tenants-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("names the file and the config key that points at it", () => {
      const missing = path.join(dir, "missing.yaml");
      expect(() => loadTenantsFile(missing))
        .to.throw(TenantsFileError)
        .with.property("message", `${missing} does not exist. Set the stack config key tenantsFile to the path of your tenants file (relative to Pulumi.yaml).`);
    });

    it("reads a file from disk and names it in its problems", () => {
      const file = path.join(dir, "tenants.yaml");
      fs.writeFileSync(file, oneTenant("    region: Mars\n"));
      expect(() => loadTenantsFile(file)).to.throw(TenantsFileError, `${file} has 1 problem`);
    });
  });
});
