import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { DEFAULT_USER } from "../../emulator";
import { main } from "../../cli/main";
import { TestStack } from "../helpers/engine";
import { useEmulator } from "../helpers/emulator";
import { APPLICATION_ID, pfxFixture } from "../helpers/emulator-fixtures";
import { emulatorConfig } from "../helpers/emulator-stack";
import { handMadeServer, ORGANIZATIONS } from "../helpers/hand-made-server";
import { failedPreview } from "../helpers/program-stack";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const CREDENTIALS = /"(applicationCertificate|applicationCertificatePassword|password|applicationSecret)"/;

// A server whose organizations were added by hand (one of each authentication kind, with jobs),
// exported to a tenants file by `vb365 tenants export` and taken over by the root program.
describe("taking over a server's estate: vb365 tenants export, then pulumi up of the root program", () => {
  const fixture = useEmulator({ http: true }, { resetBetweenTests: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-estate-"));
  const tenantsFile = path.join(dir, "tenants.yaml");
  let stack: TestStack;
  let before_: { organizations: Map<string, string | undefined>; jobs: string[] };

  const organizations = () => fixture.current.state().organizations;
  const thumbprints = () => new Map(organizations().map((organization) => [organization.id, organization.exchangeOnlineSettings?.applicationCertificateThumbprint ?? undefined]));

  before(async () => {
    await handMadeServer(fixture, pfxFixture());
    before_ = { organizations: thumbprints(), jobs: fixture.current.state().jobs.map((job) => job.id).sort() };
    let stderr = "";
    const err = new PassThrough().setEncoding("utf8");
    err.on("data", (chunk: string) => (stderr += chunk));
    const env = { VB365_URL: fixture.current.url, VB365_USERNAME: DEFAULT_USER.name, VB365_PASSWORD: DEFAULT_USER.password, VB365_API_VERSION: "v8" };
    const code = await main(["tenants", "export", "--file", tenantsFile], { stdout: new PassThrough(), stderr: err, stdin: new PassThrough(), env, cwd: dir, onInterrupt: () => () => undefined });
    expect(code, stderr).to.equal(0);
    stack = await TestStack.create({ programDir: REPO_ROOT, config: { ...emulatorConfig(fixture.current, "v8"), tenantsFile: { value: tenantsFile } } });
    fixture.current.resetCounters();
  });

  after(async () => {
    await stack?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("adopts every organization of every authentication kind, and its jobs, without a POST or a credential sent", async () => {
    const result = await stack.up();
    expect(result.summary.result).to.equal("succeeded");
    const requests = fixture.current.requests();
    expect(requests.filter((request) => request.method === "POST" && request.kind !== "token").map((request) => `${request.method} ${request.path}`)).to.deep.equal([]);
    const writes = requests.filter((request) => request.method === "PUT");
    expect(writes.filter((request) => CREDENTIALS.test(JSON.stringify(request.requestBody ?? {}))).map((request) => request.path)).to.deep.equal([]);
    expect(thumbprints()).to.deep.equal(before_.organizations);
    expect(fixture.current.state().jobs.map((job) => job.id).sort()).to.deep.equal(before_.jobs);
    const summary = result.outputs.summary.value as Record<string, { organizationId: string; thumbprint: string; backupJobs: string[] }>;
    expect(Object.values(summary).map((row) => row.organizationId).sort()).to.deep.equal([...before_.organizations.keys()].sort());
    const charlie = organizations().find((organization) => organization.name === ORGANIZATIONS.existing)!;
    expect(summary.charlie.thumbprint).to.equal(before_.organizations.get(charlie.id));
    const counts = fixture.current.counters().byKind;
    console.log(`      requests of the takeover: ${JSON.stringify(counts)}`);
    expect(counts["organizations.update"] ?? 0, "organizations whose declaration matched the server get no PUT").to.equal(0);
    expect(counts["organizations.list"], "one listing serves every adoption").to.equal(1);
  });

  it("previews no change afterwards, without a request", async () => {
    fixture.current.resetCounters();
    await stack.preview({ expectNoChanges: true });
    expect(fixture.current.counters().total).to.equal(0);
  });

  it("rotates a kept tenant in place once the file gives it a certificate and its customer registered it: same organization, same jobs", async () => {
    const charlie = organizations().find((organization) => organization.name === ORGANIZATIONS.existing)!;
    const text = fs.readFileSync(tenantsFile, "utf8");
    const entry = text.indexOf(`organization: ${ORGANIZATIONS.existing}`);
    const keep = text.indexOf("certificate: keep", entry);
    expect(entry).to.be.greaterThan(-1);
    const given = `${text.slice(0, keep)}certificate: { keySize: 2048, validityDays: 365 }${text.slice(keep + "certificate: keep".length)}`;
    fs.writeFileSync(tenantsFile, given);

    // Not registered yet: the certificate is made, the organization stays on the server's and nothing sends the new one.
    fixture.current.resetCounters();
    const waiting = await stack.up();
    expect(waiting.summary.resourceChanges).to.deep.include({ create: 1, update: 1 }); // its certificate; its organization records the wait
    const puts = fixture.current.requests().filter((request) => request.method === "PUT");
    expect(puts.filter((request) => CREDENTIALS.test(JSON.stringify(request.requestBody ?? {}))).map((request) => request.path), "a PUT that sends a certificate").to.deep.equal([]);
    expect(thumbprints()).to.deep.equal(before_.organizations);
    const rows = waiting.outputs.summary.value as Record<string, { thumbprint: string; certificateRotation?: string }>;
    const certificates = waiting.outputs.certificates.value as Record<string, { thumbprint: string; certificatePem: string }>;
    expect(rows.charlie).to.deep.include({ thumbprint: before_.organizations.get(charlie.id) });
    expect(rows.charlie!.certificateRotation).to.match(new RegExp(`^waiting: the customer to register certificate ${certificates.charlie!.thumbprint} on application ${APPLICATION_ID} in ${ORGANIZATIONS.existing} `));

    // The customer registers it and confirms; the file lists the confirmation.
    fixture.current.addApplicationCertificate(APPLICATION_ID, { certificatePem: certificates.charlie!.certificatePem, organizationName: ORGANIZATIONS.existing });
    const line = given.indexOf("\n", given.indexOf("certificate: { keySize: 2048, validityDays: 365 }", entry));
    fs.writeFileSync(tenantsFile, `${given.slice(0, line)}\n    certificateRegistration: { by: customer, thumbprints: [${certificates.charlie!.thumbprint}] }${given.slice(line)}`);
    const result = await stack.up();
    expect(result.summary.resourceChanges).to.deep.include({ update: 1 });
    const after = organizations().find((organization) => organization.name === ORGANIZATIONS.existing)!;
    const summary = result.outputs.summary.value as Record<string, { thumbprint: string }>;
    expect(after.id).to.equal(charlie.id);
    expect(after.exchangeOnlineSettings?.applicationCertificateThumbprint).to.equal(summary.charlie!.thumbprint);
    expect(summary.charlie!.thumbprint).to.equal(certificates.charlie!.thumbprint);
    expect(fixture.current.state().jobs.map((job) => job.id).sort()).to.deep.equal(before_.jobs);
    expect(fixture.current.trustReport().filter((entry) => !entry.trusted)).to.deep.equal([]);
    await stack.preview({ expectNoChanges: true });
  });

  it("splits into shards, and a shard's stack stops before VB365 when the file moves one of its tenants away", async () => {
    await stack.stack.setConfig("shard", { value: "one" });
    const text = fs.readFileSync(tenantsFile, "utf8");
    fs.writeFileSync(tenantsFile, `shards: [one]\n${text}`);
    const sharded = await stack.up();
    // Only the stack's reference to itself is new, and it is read, not created.
    expect(sharded.summary.resourceChanges).to.not.have.any.keys("create", "update", "delete", "replace");
    // A second shard: the tenants stay pinned where they are, but charlie is moved to it.
    const pinned = text.replace(/^( {4}organization: (\S+))$/gm, (line, _match, organization: string) => `${line}\n    shard: ${organization === ORGANIZATIONS.existing ? "two" : "one"}`);
    const moved = `shards: [one, two]\n${pinned}`;
    fs.writeFileSync(tenantsFile, moved);
    fixture.current.resetCounters();
    const message = await failedPreview(stack);
    expect(message).to.contain("now assigns tenants this stack (shard one) onboarded to other shards: charlie (now two). Going on would remove");
    expect(message).to.contain("Nothing was changed");
    expect(fixture.current.counters().total).to.equal(0);
  });
});
