import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { TestStack } from "../helpers/engine";
import { useEmulator } from "../helpers/emulator";
import { pfxFixture } from "../helpers/emulator-fixtures";
import { emulatorConfig } from "../helpers/emulator-stack";
import { handMadeServer, ORGANIZATIONS } from "../helpers/hand-made-server";
import { type PluginLanguage, pluginProject, removePluginProject } from "../helpers/plugin-project";

const PROGRAMS = path.join(__dirname, "programs");

/** Where each language's program is, for the code `pulumi import` generates. */
const PROGRAM_FILE: Record<PluginLanguage, string> = { yaml: "Pulumi.yaml", python: "__main__.py", go: "main.go" };

// `pulumi import` of what a server has (every authentication kind, jobs, a role added by hand)
// into an empty program of each language, whose generated code then previews with no change:
// nothing VB365 never returns (a PFX, a password) needs filling in, since an imported
// organization keeps the server's credentials.
describe("pulumi import through the vb365 plugin", function () {
  this.timeout(900_000);
  const fixture = useEmulator({ http: true }, { resetBetweenTests: false });
  const ids: Record<string, string> = {};

  before(async () => {
    const server = await handMadeServer(fixture, pfxFixture());
    Object.assign(ids, server.ids);
    const jobs = fixture.current.state().jobs;
    ids.charlieEverything = jobs.find((job) => job.name === "Charlie everything")!.id;
    ids.charlieSales = jobs.find((job) => job.name === "charlie-sales")!.id;
    ids.alphaArchive = jobs.find((job) => job.name === "Alpha archive")!.id;
    const client = await fixture.client("v8");
    const inventory = fixture.current.inventory(ids.existing!);
    const admin = inventory.users.find((user) => user.name.startsWith("admin@"))!;
    const sales = inventory.groups.find((group) => group.displayName === "Sales")!;
    const role = await client.post(`/Organizations/${ids.existing}/RbacRoles`, {
      name: "Charlie helpdesk",
      roleType: "SpecificObjects",
      operators: [{ type: "User", user: { id: admin.id } }],
      selectedItems: [{ type: "Group", group: { id: sales.id } }],
    });
    expect(role.status, role.text).to.equal(201);
    ids.charlieHelpdesk = role.body.id as string;
  });

  const importable = () => [
    ...(["newApplication", "configured", "existing", "legacy", "basic", "germany"] as const).map((key) => ({ type: "vb365:index:Organization", name: key, id: ids[key]! })),
    { type: "vb365:index:BackupJob", name: "charlie-everything", id: ids.charlieEverything! },
    { type: "vb365:index:BackupJob", name: "alpha-archive", id: ids.alphaArchive! },
    { type: "vb365:index:RestoreOperatorRole", name: "charlie-helpdesk", id: ids.charlieHelpdesk! },
  ];

  for (const language of ["yaml", "python", "go"] as const) {
    describe(`into a ${language} program`, () => {
      let dir: string;
      let stack: TestStack;

      before(async function () {
        this.timeout(900_000);
        dir = pluginProject(path.join(PROGRAMS, `plugin-import-${language}`), language);
        stack = await TestStack.create({ programDir: dir, config: emulatorConfig(fixture.current, "v8") });
      });

      after(async () => {
        await stack?.dispose();
        removePluginProject(dir);
      });

      it("imports six organizations, two jobs and a role, and prints their code", async () => {
        const before_ = JSON.stringify(fixture.current.state());
        const result = await stack.stack.import({ resources: importable(), protect: false, generateCode: true });
        expect(result.summary.resourceChanges).to.deep.include({ import: 9 });
        expect(JSON.stringify(fixture.current.state()), "the server after the import").to.equal(before_);
        expect(result.generatedCode).to.contain(ORGANIZATIONS.existing).and.contain("Charlie everything").and.contain("Charlie helpdesk");
        const program = path.join(dir, PROGRAM_FILE[language]);
        fs.writeFileSync(program, language === "yaml" ? `${fs.readFileSync(program, "utf8")}${result.generatedCode}` : result.generatedCode);
      });

      it("previews the generated program with no change and no request", async () => {
        fixture.current.resetCounters();
        await stack.preview({ expectNoChanges: true });
        expect(fixture.current.counters().total).to.equal(0);
      });
    });
  }

  describe("what cannot be imported", () => {
    let dir: string;
    let stack: TestStack;

    before(async () => {
      dir = pluginProject(path.join(PROGRAMS, "plugin-import-yaml"), "yaml");
      stack = await TestStack.create({ programDir: dir, config: emulatorConfig(fixture.current, "v8") });
    });

    after(async () => {
      await stack?.dispose();
      removePluginProject(dir);
    });

    const failedImport = async (resource: { type: string; name: string; id: string }) => {
      const error = await stack.stack.import({ resources: [resource], generateCode: false }).then(
        () => undefined,
        (failure: Error) => failure.message,
      );
      expect(error, `importing ${resource.type} ${resource.id}`).to.be.a("string");
      expect(stack.resources()).to.deep.equal([]);
      return error!;
    };

    it("refuses a job whose items a declaration cannot name, rather than losing them on the next up", async () => {
      expect(await failedImport({ type: "vb365:index:BackupJob", name: "sales", id: ids.charlieSales! })).to.contain(
        'The backup job \\"charlie-sales\\" cannot be imported without losing part of it: the OneDrive folders of megan@charlie.onmicrosoft.com (selected).',
      );
    });

    it("says that a certificate is not on any server to import from", async () => {
      expect(await failedImport({ type: "vb365:index:TenantCertificate", name: "cert", id: "0123456789ABCDEF0123456789ABCDEF01234567" })).to.contain("A TenantCertificate cannot be imported: its private key exists only in the stack that made it.");
    });

    it("names the server that has no such organization", async () => {
      expect(await failedImport({ type: "vb365:index:Organization", name: "ghost", id: "00000000-0000-4000-8000-000000000000" })).to.contain(`${fixture.current.url} has no organization 00000000-0000-4000-8000-000000000000`);
    });
  });
});
