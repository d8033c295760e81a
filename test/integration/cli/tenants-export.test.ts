import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { isMap, isSeq, parseDocument } from "yaml";
import { main } from "../../../cli/main";
import { DEFAULT_USER } from "../../../emulator";
import { compileWindow } from "../../../provider/backup-job/window";
import { parseTenants } from "../../../program/tenants-file";
import { useEmulator } from "../../helpers/emulator";
import { pfxFixture, type PfxFixture } from "../../helpers/emulator-fixtures";
import { APPLICATION_ID, CONFIGURED_APPLICATION_ID, handMadeServer, NIGHTS, OFFICE_HOURS, ORGANIZATIONS } from "../../helpers/hand-made-server";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Pages of two, so that six organizations, three jobs and charlie's six selected items take several pages on v8. */
const PAGE = 2;

describe("vb365 tenants export against the emulator", function () {
  this.slow(3_000);
  const fixture = useEmulator({ http: true, maxPageSize: PAGE });
  let pfx: PfxFixture;
  let dir: string;
  before(() => {
    pfx = pfxFixture();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-export-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function vb365(version: string, ...args: string[]): Promise<Run> {
    return vb365With({ VB365_API_VERSION: version }, ...args);
  }

  async function vb365With(settings: Record<string, string>, ...args: string[]): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const out = new PassThrough();
    const err = new PassThrough();
    out.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    err.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const env = { VB365_URL: fixture.current.url, VB365_USERNAME: DEFAULT_USER.name, VB365_PASSWORD: DEFAULT_USER.password, ...settings };
    const code = await main(["tenants", "export", ...args], { stdout: out, stderr: err, stdin: new PassThrough(), env, cwd: dir, onInterrupt: () => () => undefined });
    return { code, stdout, stderr };
  }

  /** The file without its basic and legacy entries, whose checks are above: the app-only ones, in order. */
  function withoutKeptLegacy(text: string): string {
    const doc = parseDocument(text);
    const tenants = doc.get("tenants", true);
    if (!isSeq(tenants)) throw new Error("expected a tenants list");
    const refused: unknown[] = [ORGANIZATIONS.legacy, ORGANIZATIONS.basic];
    tenants.items = tenants.items.filter((item) => !(isMap(item) && refused.includes(item.get("organization"))));
    return doc.toString();
  }

  for (const version of ["v6", "v7", "v8"] as const) {
    describe(`on ${version}`, () => {
      it("writes an entry per organization and its jobs, which the program's own parser takes back", async () => {
        const server = await handMadeServer(fixture, pfx);
        const file = path.join(dir, `${version}-new.yaml`);
        const run = await vb365(version, "--file", file);
        expect(run.code, run.stderr).to.equal(0);
        expect(run.stdout).to.equal("");
        const text = fs.readFileSync(file, "utf8");

        // Basic authentication and legacy protocols are taken over as they are, their secrets kept.
        expect(text).to.match(/# VB365 has this organization with basic authentication: it is taken over with the/);
        expect(run.stderr).to.not.match(/Warning: (echo|delta)\.onmicrosoft\.com/);

        // The round trip: certificate: keep, as the lead's schema takes it.
        const everyKind = parseTenants(text, "tenants.yaml");
        expect(everyKind.find((tenant) => tenant.organization === ORGANIZATIONS.basic)?.authentication).to.deep.include({ kind: "basic", account: `administrator@${ORGANIZATIONS.basic}` });
        expect(everyKind.find((tenant) => tenant.organization === ORGANIZATIONS.legacy)?.authentication).to.deep.include({ kind: "modernWithLegacy" });
        const tenants = parseTenants(withoutKeptLegacy(text), "tenants.yaml");
        expect(tenants.map((tenant) => [tenant.name, tenant.organization])).to.deep.equal([
          ["alpha", ORGANIZATIONS.newApplication],
          ["alpha-2", ORGANIZATIONS.germany],
          ["bravo", ORGANIZATIONS.configured],
          ["charlie", ORGANIZATIONS.existing],
        ]);
        const [alpha, germany, bravo, charlie] = tenants;
        for (const tenant of tenants) expect(tenant).to.include({ certificate: "keep", adoptExisting: true });
        const alphaApplication = fixture.current.state().organizations.find((organization) => organization.id === server.ids.newApplication)?.exchangeOnlineSettings?.applicationId;
        expect(alpha!.authentication).to.deep.include({ kind: "existingApplication", applicationId: alphaApplication, configureApplication: false });
        expect(bravo!.authentication).to.deep.include({ kind: "existingApplication", applicationId: CONFIGURED_APPLICATION_ID, account: `backup@${ORGANIZATIONS.configured}`, configureApplication: false });
        expect(charlie!.authentication).to.deep.include({ kind: "existingApplication", applicationId: APPLICATION_ID, account: `backupuser@${ORGANIZATIONS.existing}` });
        expect(germany).to.deep.include({ region: "Germany", services: { exchange: true, sharePoint: false, teams: false, teamsChats: false } });
        expect(charlie!.services).to.deep.equal({ exchange: true, sharePoint: true, teams: true, teamsChats: true });
        expect(charlie!.description).to.equal(version === "v6" ? undefined : "Gold tier: mail, sites, Teams and chats");
        expect(bravo!.backup).to.deep.equal([]);

        // Each job keeps its VB365 name, by which the tenant's adoption takes it over.
        expect(alpha!.backup).to.deep.equal([{ name: "archive", jobName: "Alpha archive", backupType: "EntireOrganization", repositoryName: "Archive Repository", isEnabled: false, schedule: { type: "ManualOnly" } }]);
        const [everything, sales] = charlie!.backup;
        expect(everything).to.deep.include({
          name: "everything",
          jobName: "Charlie everything",
          description: "The whole organization",
          backupType: "EntireOrganization",
          repositoryName: "Default Backup Repository",
          isEnabled: true,
          excludedItems: [{ type: "User", user: `admin@${ORGANIZATIONS.existing}`, mailbox: true, oneDrive: true }],
        });
        const { backupWindow, ...daily } = everything!.schedule!;
        expect(daily).to.deep.equal({ type: "Daily", dailyType: "Workdays", dailyTime: "20:30:00", retryEnabled: true, retryNumber: 3, retryWaitInterval: 10 });
        expect(compileWindow(backupWindow!.allowed)).to.deep.equal(NIGHTS);
        expect(backupWindow!.minuteOffset).to.equal(60);
        expect(sales!.selectedItems).to.deep.equal([
          { type: "PartialOrganization", mailbox: true, archiveMailbox: true },
          { type: "User", user: `alex@${ORGANIZATIONS.existing}`, mailbox: true, oneDrive: true },
          { type: "Group", group: "Sales", members: true, memberMailbox: true },
          { type: "Site", site: "https://charlie.sharepoint.com/sites/Sales" },
          { type: "Team", team: "Sales", teams: true, teamsChats: true },
        ]);
        const { periodicallyWindow, ...periodic } = sales!.schedule!;
        expect(periodic).to.deep.equal({ type: "Periodically", periodicallyEvery: "Hours4", periodicallyOffsetMinutes: 15, retryEnabled: false });
        expect(compileWindow(periodicallyWindow!.allowed)).to.deep.equal(OFFICE_HOURS);
        expect(run.stderr).to.include(`Warning: job "charlie-sales" of ${ORGANIZATIONS.existing}: the OneDrive folders of megan@${ORGANIZATIONS.existing} (selected) left out`);
        expect(text).to.include(`# Left out, as the tenants file cannot name them: the OneDrive folders of\n      # megan@${ORGANIZATIONS.existing} (selected).`);
        expect(text).not.to.match(/[Pp]assw(or)?d:|Secret:|applicationCertificate/);
      });

      it("reads every page, and costs one request per job and one more per SelectedItems job", async () => {
        await handMadeServer(fixture, pfx);
        fixture.current.resetCounters();
        const run = await vb365(version, "--json");
        expect(run.code, run.stderr).to.equal(0);
        const report = JSON.parse(run.stdout);
        expect(report.added).to.have.length(6);
        const byRoute = fixture.current.counters().byRoute;
        // v6/v7 list organizations and jobs as arrays (their specs page neither); v8 pages both.
        const pages = (items: number) => (version === "v8" ? Math.floor(items / PAGE) + 1 : 1);
        expect(byRoute).to.deep.equal({
          [`POST /${version}/token`]: 1,
          [`GET /${version}/Organizations`]: pages(6),
          [`GET /${version}/BackupRepositories`]: pages(2),
          [`GET /${version}/Jobs`]: pages(3),
          [`GET /${version}/Jobs/{jobId}/ExcludedItems`]: 3,
          [`GET /${version}/Jobs/{jobId}/SelectedItems`]: pages(6),
        });
        expect(report.requests).to.equal(fixture.current.counters().total - 1);
      });
    });
  }

  it("adds to an existing file only what it lacks, leaving every byte of it as it was", async () => {
    await handMadeServer(fixture, pfx);
    const file = path.join(dir, "existing.yaml");
    const original = [
      "# Our tenants. Hand-written; do not reorder.",
      "defaults:",
      "  repository: Archive Repository   # where every job goes unless it says otherwise",
      "",
      "tenants:",
      "  - name: charlie                  # added in 2025",
      "    organization: Charlie.OnMicrosoft.com",
      "    authentication: { kind: existingApplication, applicationId: feccc769-4b8c-4c6b-9d3a-1c2b3a4d5e6f }",
      "",
      "  - name: alpha",
      "    organization: alpha-legacy.onmicrosoft.com",
      "    authentication:",
      "      kind: newApplication",
      "",
    ].join("\n");
    fs.writeFileSync(file, original);
    const first = await vb365("v8", "--file", file, "--no-jobs");
    expect(first.code, first.stderr).to.equal(0);
    const merged = fs.readFileSync(file, "utf8");
    expect(merged.startsWith(original)).to.equal(true, merged);
    const added = parseDocument(merged.slice(original.length)).toJS() as Array<{ name: string; organization: string; backup: unknown[] }>;
    expect(added.map((entry) => [entry.name, entry.organization])).to.deep.equal([
      ["alpha-2", ORGANIZATIONS.newApplication],
      ["alpha-3", ORGANIZATIONS.germany],
      ["bravo", ORGANIZATIONS.configured],
      ["delta", ORGANIZATIONS.legacy],
      ["echo", ORGANIZATIONS.basic],
    ]);
    for (const entry of added) expect(entry.backup).to.deep.equal([]);
    expect(merged).to.include("    # Jobs not read (--no-jobs): backup: [] leaves the server's jobs as they are;");
    expect(first.stderr).to.include(`Added to ${file}:\n  + alpha-2 (${ORGANIZATIONS.newApplication})\n`);
    expect(first.stderr).to.include(`Already in ${file}:\n  = charlie (${ORGANIZATIONS.existing})\n`);

    const again = await vb365("v8", "--file", file, "--json");
    expect(again.code, again.stderr).to.equal(0);
    expect(fs.readFileSync(file, "utf8")).to.equal(merged);
    const report = JSON.parse(again.stdout);
    expect(report).to.deep.include({ file, written: false, added: [], entries: [] });
    expect(report.skipped.map((skipped: { name: string }) => skipped.name)).to.deep.equal(["alpha-2", "alpha-3", "bravo", "charlie", "delta", "echo"]);
    expect(again.stderr).to.include(`Nothing to add; ${file} is unchanged.`);
  });

  it("writes Pulumi's bulk import file with --import-file: every organization, and every job exported whole", async () => {
    const server = await handMadeServer(fixture, pfx);
    const run = await vb365("v8", "--import-file", "import.json");
    expect(run.code, run.stderr).to.equal(0);
    const jobs = new Map(fixture.current.state().jobs.map((job) => [job.name, job.id]));
    const imported = JSON.parse(fs.readFileSync(path.join(dir, "import.json"), "utf8")) as { resources: Array<{ type: string; name: string; id: string }> };
    const organization = (name: string, key: string) => ({ type: "vb365:index:Organization", name, id: server.ids[key] });
    expect(imported.resources).to.deep.equal([
      organization("alpha", "newApplication"),
      { type: "vb365:index:BackupJob", name: "alpha-archive", id: jobs.get("Alpha archive") },
      organization("alpha-2", "germany"),
      organization("bravo", "configured"),
      // charlie-sales names OneDrive folders, which no declaration can: an import would refuse it.
      organization("charlie", "existing"),
      { type: "vb365:index:BackupJob", name: "charlie-everything", id: jobs.get("Charlie everything") },
      organization("delta", "legacy"),
      organization("echo", "basic"),
    ]);
  });

  it("skips the jobs with --no-jobs: no job is read", async () => {
    await handMadeServer(fixture, pfx);
    fixture.current.resetCounters();
    const run = await vb365("v8", "--no-jobs");
    expect(run.code, run.stderr).to.equal(0);
    expect(Object.keys(fixture.current.counters().byRoute)).to.deep.equal(["POST /v8/token", "GET /v8/Organizations"]);
    expect(parseDocument(run.stdout).toJS().tenants).to.have.length(6);
  });

  it("reports a refused login in its JSON and exit code, and writes no file", async () => {
    const file = path.join(dir, "refused.yaml");
    const run = await vb365With({ VB365_PASSWORD: "wrong" }, "--json", "--file", "refused.yaml");
    expect(run.code).to.equal(3);
    const report = JSON.parse(run.stdout);
    expect(report).to.deep.include({ file: "refused.yaml", written: false, added: [], requests: 0 });
    expect(report.error).to.include({ exitCode: 3, code: "bad_credentials" });
    expect(run.stderr).to.match(/^vb365 tenants export: VB365 at http:\/\/127\.0\.0\.1:\d+ refused the user name or password of admin/);
    expect(fs.existsSync(file)).to.equal(false);
  });
});
