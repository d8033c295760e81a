/**
 * `ts-node --transpile-only bench/adopt-estate.ts [N]`: a server of N organizations added by hand
 * (mostly existing applications, every tenth with legacy protocols, every twentieth with basic
 * authentication, a third with a job), exported by `vb365 tenants export` and taken over by the
 * root program in one `pulumi up`. Prints what the takeover cost in requests (from the emulator's
 * counters) and time, and fails if it sent a POST or a credential, or if the next preview is not
 * empty. Figures for issue #19's "export → up on a server of 200 organizations".
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { main as vb365 } from "../cli/main";
import { DEFAULT_REPOSITORY_ID, DEFAULT_USER, startEmulator } from "../emulator";
import { Vb365Client } from "../provider/client";
import { JobsApi } from "../provider/client/jobs";
import { TestStack } from "../test/helpers/engine";
import { APPLICATION_ID, basicBody, existingApplicationBody, legacyBody, pfxFixture } from "../test/helpers/emulator-fixtures";
import { emulatorConfig } from "../test/helpers/emulator-stack";
import { emulatorConnection } from "../test/helpers/organization-provider";

const N = Number(process.argv[2] ?? 200);
const CREDENTIALS = /"(applicationCertificate|applicationCertificatePassword|password|Password|applicationSecret)"/;

async function run(): Promise<void> {
  const emulator = await startEmulator({ http: true, recordBodies: true, maxLogEntries: 100_000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vb365-adopt-estate-"));
  let stack: TestStack | undefined;
  try {
    const client = new Vb365Client(emulatorConnection(emulator, "v7"));
    const jobs = new JobsApi(client);
    const pfx = pfxFixture();
    // The estate's existing applications trust its certificate, as a server's own do.
    emulator.addApplicationCertificate(APPLICATION_ID, { thumbprint: pfx.thumbprint });
    for (let i = 0; i < N; i++) {
      const organization = `estate${i}.onmicrosoft.com`;
      const body = i % 20 === 19 ? basicBody(organization) : i % 10 === 9 ? legacyBody(organization) : existingApplicationBody(pfx, organization);
      const added = await client.createOrganization(body);
      if (i % 3 === 0) await jobs.createJob(added.id, { name: `Estate ${i} nightly`, backupType: "EntireOrganization", repositoryId: DEFAULT_REPOSITORY_ID, schedulePolicy: { type: "Daily", dailyType: "Everyday", dailyTime: "22:00:00" } });
    }
    await client.close();
    const before = JSON.stringify(emulator.state().organizations.map((o) => [o.id, o.exchangeOnlineSettings?.applicationCertificateThumbprint, o.exchangeOnlineSettings?.hasPassword]));

    const file = path.join(dir, "tenants.yaml");
    const env = { VB365_URL: emulator.url, VB365_USERNAME: DEFAULT_USER.name, VB365_PASSWORD: DEFAULT_USER.password, VB365_API_VERSION: "v8" };
    emulator.resetCounters();
    let started = Date.now();
    const code = await vb365(["tenants", "export", "--file", file], { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env, cwd: dir, onInterrupt: () => () => undefined });
    if (code !== 0) throw new Error(`vb365 tenants export exited ${code}`);
    const exportFigures = { seconds: (Date.now() - started) / 1000, requests: emulator.counters().total };

    stack = await TestStack.create({ programDir: path.resolve(__dirname, ".."), config: { ...emulatorConfig(emulator, "v8"), tenantsFile: { value: file } } });
    emulator.resetCounters();
    started = Date.now();
    await stack.up();
    const upSeconds = (Date.now() - started) / 1000;
    const requests = emulator.requests();
    const posts = requests.filter((request) => request.method === "POST" && request.kind !== "token").length;
    const credentialPuts = requests.filter((request) => request.method === "PUT" && CREDENTIALS.test(JSON.stringify(request.requestBody ?? {}))).length;
    const byKind = emulator.counters().byKind;
    const unchanged = JSON.stringify(emulator.state().organizations.map((o) => [o.id, o.exchangeOnlineSettings?.applicationCertificateThumbprint, o.exchangeOnlineSettings?.hasPassword])) === before;

    emulator.resetCounters();
    started = Date.now();
    const preview = await stack.preview({ expectNoChanges: true });
    const previewFigures = { seconds: (Date.now() - started) / 1000, requests: emulator.counters().total, changes: preview.changeSummary };

    const figures = { organizations: N, jobs: emulator.state().jobs.length, export: exportFigures, up: { seconds: upSeconds, posts, credentialPuts, credentialsUnchanged: unchanged, requests: byKind }, noChangePreview: previewFigures };
    console.log(JSON.stringify(figures, null, 2));
    if (posts > 0 || credentialPuts > 0 || !unchanged || previewFigures.requests > 0) throw new Error("the takeover sent a POST or a credential, changed a credential, or its preview made requests");
  } finally {
    await stack?.destroy().catch(() => undefined);
    await stack?.dispose();
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
