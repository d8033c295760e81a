import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { parseDocument } from "yaml";
import { CommandError } from "../../../cli/command-error";
import { exportedTenant, type TenantExport } from "../../../cli/tenants/export/tenant-entry";
import { appendedText, readMergeTarget } from "../../../cli/tenants/export/tenants-file";
import { fileText } from "../../../cli/tenants/export/tenants-yaml";
import { writeAtomically } from "../../../cli/tenants/export/write-atomic";
import type { RemoteOrganization } from "../../../provider/client";

const APP = "feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f";

/** The entry of an app-only organization with no jobs, made as the export makes it. */
function exported(name: string, organization: string): TenantExport {
  const settings = { useApplicationOnlyAuth: true, applicationId: APP, account: `backup@${organization}` };
  const remote = { id: name, name: organization, type: "Office365", region: "Worldwide", isExchangeOnline: true, isSharePointOnline: true, isTeamsOnline: false, exchangeOnlineSettings: settings, sharePointOnlineSettings: settings } as RemoteOrganization;
  return exportedTenant(remote, { name, organization, jobs: [], repositories: new Map(), defaultRepository: "Default Backup Repository" });
}

const HAND_WRITTEN = `# Our tenants; reviewed by the platform team.
defaults:
  repository:   Archive Repository      # odd spacing, kept as it is

tenants:
  # The first customer.
  - name: contoso
    organization: Contoso.OnMicrosoft.com
    authentication: {kind: existingApplication,   applicationId: ${APP}}

  - name: fabrikam   # gold
    organization: fabrikam.onmicrosoft.com
    authentication:
      kind: newApplication
  # - name: retired (commented out, kept)
`;

describe("vb365 tenants export: adding to a tenants file", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-merge-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function existing(text: string) {
    const file = path.join(dir, "tenants.yaml");
    fs.writeFileSync(file, text);
    return readMergeTarget(file, "tenants.yaml")!;
  }

  it("knows the file's organizations in any case, its names and its default repository", () => {
    const file = existing(HAND_WRITTEN);
    expect([...file.organizations]).to.deep.equal([
      ["contoso.onmicrosoft.com", "contoso"],
      ["fabrikam.onmicrosoft.com", "fabrikam"],
    ]);
    expect([...file.names]).to.deep.equal(["contoso", "fabrikam"]);
    expect(file.defaultRepository).to.equal("Archive Repository");
    expect(existing("tenants:\n").defaultRepository).to.equal("Default Backup Repository");
    expect(readMergeTarget(path.join(dir, "missing.yaml"))).to.equal(undefined);
  });

  it("inserts the new entries after the last one, keeping every byte that was there", () => {
    const merged = appendedText(existing(HAND_WRITTEN), [exported("northwind", "northwind.onmicrosoft.com"), exported("tailspin", "tailspin.onmicrosoft.com")]);
    const at = HAND_WRITTEN.indexOf("  # - name: retired");
    expect(merged.slice(0, at)).to.equal(HAND_WRITTEN.slice(0, at));
    expect(merged.endsWith(HAND_WRITTEN.slice(at))).to.equal(true);
    const inserted = merged.slice(at, merged.length - (HAND_WRITTEN.length - at));
    expect(inserted).to.match(/^\n  - name: northwind\n    organization: northwind\.onmicrosoft\.com\n/);
    expect(inserted).to.include("\n\n  - name: tailspin\n");
    const tenants = (parseDocument(merged).toJS() as { tenants: Array<{ name: string; certificate: unknown }> }).tenants;
    expect(tenants.map((tenant) => tenant.name)).to.deep.equal(["contoso", "fabrikam", "northwind", "tailspin"]);
    expect(tenants[2]!.certificate).to.equal("keep");
  });

  it("follows the file's indentation and its entries without blank lines between them", () => {
    const text = "tenants:\n- name: contoso\n  organization: contoso.onmicrosoft.com\n- name: fabrikam\n  organization: fabrikam.onmicrosoft.com";
    const merged = appendedText(existing(text), [exported("northwind", "northwind.onmicrosoft.com")]);
    expect(merged.startsWith(`${text}\n- name: northwind\n  organization: northwind.onmicrosoft.com\n`)).to.equal(true, merged);
  });

  it("edits a list it cannot append to as text through the Document API, keeping the comments", () => {
    const flow = "# Start from here.\ntenants: [] # none yet\n# trailing words\n";
    const merged = appendedText(existing(flow), [exported("northwind", "northwind.onmicrosoft.com")]);
    expect(merged).to.match(/^# Start from here\.\ntenants:\n {2}- name: northwind\n/);
    expect(merged).to.match(/\n {2}# none yet\n\n# trailing words\n$/);
    expect((parseDocument(merged).toJS() as { tenants: unknown[] }).tenants).to.have.length(1);
    const empty = appendedText(existing("# Nothing yet.\n"), [exported("northwind", "northwind.onmicrosoft.com")]);
    expect(empty).to.match(/^# Nothing yet\.\n\ntenants:\n {2}- name: northwind\n/);
  });

  it("refuses a file that is no tenants file, naming the line", () => {
    const refusal = (text: string) => {
      try {
        existing(text);
      } catch (error) {
        expect(error).to.be.instanceOf(CommandError);
        return (error as Error).message;
      }
      throw new Error("expected a refusal");
    };
    expect(refusal("tenants:\n  - name: a\n   bad: indent\n")).to.equal("--file tenants.yaml cannot be added to: it is not valid YAML (line 3, column 1: Sequence item without - indicator).");
    expect(refusal("- just\n- a list\n")).to.equal("--file tenants.yaml cannot be added to: it is not a mapping with tenants:.");
    expect(refusal("tenants: contoso\n")).to.equal("--file tenants.yaml cannot be added to: its tenants: is not a list.");
  });

  it("writes a new file with its header, and replaces a file in one step", () => {
    const text = fileText([exported("northwind", "northwind.onmicrosoft.com")], ["From https://vb365:4443.", "Reference: docs/tenants-file.md"]);
    expect(text).to.match(/^# From https:\/\/vb365:4443\.\n# Reference: docs\/tenants-file\.md\n\ntenants:\n {2}- name: northwind\n/);
    expect(text).to.include("    certificate: keep\n    adoptExisting: true\n");
    const file = path.join(dir, "written.yaml");
    fs.writeFileSync(file, "old");
    fs.chmodSync(file, 0o600);
    writeAtomically(file, text);
    expect(fs.readFileSync(file, "utf8")).to.equal(text);
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).to.deep.equal([]);
    expect(() => writeAtomically(path.join(dir, "no-such-dir", "t.yaml"), text)).to.throw(CommandError, /t\.yaml could not be written: ENOENT; it is as it was\./);
  });
});
