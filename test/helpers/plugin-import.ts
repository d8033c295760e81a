import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import type { Emulator } from "../../emulator";
import { fixtureOf } from "./emulator";
import { pfxFixture } from "./emulator-fixtures";
import { handMadeServer } from "./hand-made-server";
import { buildGoProgram, type PluginFixture, type PluginLanguage } from "./plugin-project";

/** Where each language's program is, for the code `pulumi import` generates. */
const PROGRAM_FILE: Record<PluginLanguage, string> = { yaml: "Pulumi.yaml", python: "__main__.py", go: "main.go" };

/** A server's estate made by hand (handMadeServer) plus a restore-operator role, by what pulumi import takes. */
export interface ImportableServer {
  resources: Array<{ type: string; name: string; id: string }>;
  /** A job with OneDrive folders among its items, which no declaration can name. */
  unnamableJobId: string;
}

/**
 * Adds to `emulator` what a server set up by hand has: an organization of every authentication
 * kind (hand-made-server.ts), their jobs, and a helpdesk role of charlie's.
 */
export async function importableServer(emulator: Emulator): Promise<ImportableServer> {
  const fixture = fixtureOf(emulator);
  const { ids } = await handMadeServer(fixture, pfxFixture());
  const jobs = emulator.state().jobs;
  const jobId = (name: string) => jobs.find((job) => job.name === name)!.id;
  const inventory = emulator.inventory(ids.existing!);
  const role = await (await fixture.client("v8")).post(`/Organizations/${ids.existing}/RbacRoles`, {
    name: "Charlie helpdesk",
    roleType: "SpecificObjects",
    operators: [{ type: "User", user: { id: inventory.users.find((user) => user.name.startsWith("admin@"))!.id } }],
    selectedItems: [{ type: "Group", group: { id: inventory.groups.find((group) => group.displayName === "Sales")!.id } }],
  });
  expect(role.status, role.text).to.equal(201);
  return {
    resources: [
      ...(["newApplication", "configured", "existing", "legacy", "basic", "germany"] as const).map((key) => ({ type: "vb365:index:Organization", name: key, id: ids[key]! })),
      { type: "vb365:index:BackupJob", name: "charlie-everything", id: jobId("Charlie everything") },
      { type: "vb365:index:BackupJob", name: "alpha-archive", id: jobId("Alpha archive") },
      { type: "vb365:index:RestoreOperatorRole", name: "charlie-helpdesk", id: role.body.id as string },
    ],
    unnamableJobId: jobId("charlie-sales"),
  };
}

/**
 * `pulumi import` of `resources` into the fixture's stack, the code it prints becoming the
 * program (in place of the one the stack ran before). Returns that code.
 */
export async function importAsProgram(fx: PluginFixture, language: PluginLanguage, resources: ImportableServer["resources"]): Promise<string> {
  const result = await fx.stack.stack.import({ resources, protect: false, generateCode: true });
  expect(result.summary.resourceChanges).to.deep.include({ import: resources.length });
  const program = path.join(fx.dir, PROGRAM_FILE[language]);
  // A YAML program's code is its Pulumi.yaml: the project settings, then the resources printed.
  const settings = language === "yaml" ? fs.readFileSync(program, "utf8").split(/^resources:/m)[0] : "";
  fs.writeFileSync(program, `${settings}${result.generatedCode}`);
  if (language === "go") buildGoProgram(fx.dir);
  return result.generatedCode;
}
