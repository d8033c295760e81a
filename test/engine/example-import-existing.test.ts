import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { before, describe, it } from "mocha";
import { emulatorConfig } from "../helpers/emulator-stack";
import { type ImportableServer, importableServer } from "../helpers/plugin-import";
import { pluginFixture } from "../helpers/plugin-project";

// examples/import-existing: the `import` resource option of the vb365 plugin, from Pulumi YAML,
// taking over an organization, its job and a role that a server set up by hand has.
describe("example import-existing", function () {
  this.timeout(600_000);
  const fx = pluginFixture("import-existing", "yaml", (emulator) => emulatorConfig(emulator));
  let server: ImportableServer;
  const estate = () => {
    const { organizations, jobs, roles } = fx.emulator.state();
    return { organizations, jobs, roles };
  };

  before(async () => {
    server = await importableServer(fx.emulator);
    const id = (name: string) => server.resources.find((resource) => resource.name === name)!.id;
    // What the example's README asks: the server's ids in place of its placeholders.
    const program = path.join(fx.dir, "Pulumi.yaml");
    const ids = { "ORGANIZATION-ID": id("existing"), "JOB-ID": id("charlie-everything"), "ROLE-ID": id("charlie-helpdesk") };
    fs.writeFileSync(program, Object.entries(ids).reduce((text, [placeholder, value]) => text.replace(`import: ${placeholder}`, `import: ${value}`), fs.readFileSync(program, "utf8")));
  });

  it("takes the organization, its job and its role into the stack without a request that changes them", async () => {
    const before_ = estate();
    fx.emulator.resetCounters();
    const result = await fx.stack.up();
    expect(result.summary.resourceChanges, result.stdout).to.deep.equal({ create: 1, import: 3 }); // the stack, and what it imports
    expect(estate()).to.deep.equal(before_);
    expect(fx.emulator.requests().filter((request) => request.method !== "GET" && request.kind !== "token").map((request) => `${request.method} ${request.path}`)).to.deep.equal([]);
    expect(result.outputs.organizationId.value).to.equal(server.resources.find((resource) => resource.name === "existing")!.id);
  });

  it("previews no change afterwards, without a request", async () => {
    fx.emulator.resetCounters();
    await fx.stack.preview({ expectNoChanges: true });
    expect(fx.emulator.counters().total).to.equal(0);
  });
});
