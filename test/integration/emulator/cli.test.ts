import { spawn, type ChildProcess } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { once } from "node:events";
import { expect } from "chai";
import { after, afterEach, before, describe, it } from "mocha";
import type { Emulator } from "../../../emulator";
import { EmulatorClient, send } from "../../helpers/emulator";
import { APPLICATION_ID, existingApplicationBody, pfxFixture } from "../../helpers/emulator-fixtures";

// Runs emulator/bin.ts through ts-node, so the suite does not depend on a build; the startup
// time of the built command is measured by bench/emulator-startup.ts.

const ROOT = join(__dirname, "..", "..", "..");

interface Ready {
  url: string;
  caFile?: string;
  fingerprint?: string;
  versions: string[];
  users: string[];
  controlUrl: string;
  pid: number;
  stateFile?: string;
}

interface Running {
  child: ChildProcess;
  ready: Ready;
  stderr: () => string;
  /** A view of the process the test helpers can talk to. */
  emulator: Emulator;
}

const children = new Set<ChildProcess>();

function run(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(ROOT, "emulator", "bin.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes("\n")) return;
      const ready = JSON.parse(stdout.slice(0, stdout.indexOf("\n"))) as Ready;
      const caPem = ready.caFile ? readFileSync(ready.caFile, "utf8") : undefined;
      resolve({ child, ready, stderr: () => stderr, emulator: { url: ready.url, caPem } as Emulator });
    });
    child.on("exit", (code) => reject(new Error(`vb365-emulator exited with ${code} before it was ready: ${stderr}`)));
  });
}

async function stop(running: Running): Promise<void> {
  running.child.kill("SIGTERM");
  await once(running.child, "exit");
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

describe("vb365-emulator command", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "vb365-emulator-cli-"));
  });
  afterEach(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await once(child, "exit");
      }
    }
    children.clear();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints one JSON line with url, caFile and fingerprint when ready, and logs to stderr", async () => {
    const running = await run([]);
    const { ready } = running;
    expect(ready.url).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(ready).to.include({ controlUrl: `${ready.url}/__emulator`, pid: running.child.pid });
    expect(ready.versions).to.deep.equal(["v6", "v7", "v8"]);
    expect(ready.users).to.deep.equal(["admin"]);
    const certificate = new X509Certificate(readFileSync(ready.caFile!));
    expect(ready.fingerprint).to.equal(createHash("sha256").update(certificate.raw).digest("hex").toUpperCase().match(/../g)!.join(":"));
    const client = new EmulatorClient(running.emulator, "v8");
    await client.login("admin", "vb365-emulator");
    expect((await client.get("/Organizations")).status).to.equal(200);
    expect(running.stderr()).to.include("log in as admin / vb365-emulator (the default user)");
    // stderr is a separate pipe: the log line may trail the response a little.
    for (let wait = 0; wait < 40 && !/GET \/v8\/Organizations -> 200/.test(running.stderr()); wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(running.stderr()).to.match(/GET \/v8\/Organizations -> 200/);
    await stop(running);
    expect(existsSync(dirname(ready.caFile!)), "the temporary CA file is removed on SIGTERM").to.equal(false);
  });

  it("takes flags: --http, --port, --versions, repeated --user, --token-lifetime, --auto-approve-device-codes, --organization-name", async () => {
    const port = await freePort();
    const running = await run([
      "--http", "--port", String(port), "--versions", "v7,v8", "--user", "svc:pa:ss", "--user", "other:pw",
      "--token-lifetime", "120", "--auto-approve-device-codes", "0", "--organization-name", "litware.onmicrosoft.com", "--quiet",
    ]);
    expect(running.ready).to.include({ url: `http://127.0.0.1:${port}` });
    expect(running.ready).to.not.have.property("caFile");
    expect(running.ready.users).to.deep.equal(["svc", "other"]);
    const login = await send(running.emulator, "POST", "/v7/token", { form: { grant_type: "password", username: "svc", password: "pa:ss" } });
    expect(login.body.expires_in).to.equal(120);
    expect((await send(running.emulator, "POST", "/v6/token", { form: { grant_type: "password", username: "svc", password: "pa:ss" } })).status).to.equal(404);
    const client = new EmulatorClient(running.emulator, "v8");
    await client.login("other", "pw");
    const { userCode } = (await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body;
    expect((await client.post("/DeviceCode/check", { userCode })).body.authenticated).to.equal(true);
    const codes = await send(running.emulator, "GET", "/__emulator/device-codes");
    expect(codes.body[0].organizationName).to.equal("litware.onmicrosoft.com");
    expect(running.stderr()).to.not.match(/->/);
    await stop(running);
  });

  it("falls back to VB365_EMULATOR_* variables", async () => {
    const running = await run([], {
      VB365_EMULATOR_HTTP: "1",
      VB365_EMULATOR_VERSIONS: "v6",
      VB365_EMULATOR_USERS: "a:1,b:2",
      VB365_EMULATOR_DEVICE_CODE_LIFETIME: "60",
      VB365_EMULATOR_QUIET: "true",
    });
    expect(running.ready.url).to.match(/^http:/);
    expect(running.ready.versions).to.deep.equal(["v6"]);
    const client = new EmulatorClient(running.emulator, "v6");
    await client.login("b", "2");
    expect((await client.post("/DeviceCode", { targetRegion: "Worldwide" })).body.expiresIn).to.equal(60);
    await stop(running);
  });

  it("keeps organizations in --state-file across restarts", async () => {
    const stateFile = join(dir, "state.json");
    const first = await run(["--http", "--state-file", stateFile, "--quiet"]);
    expect(first.ready.stateFile).to.equal(stateFile);
    const client = new EmulatorClient(first.emulator, "v8");
    await client.login();
    // The customer registers the certificate on its application (the process is reached over HTTP only).
    const registered = await send(first.emulator, "POST", `/__emulator/applications/${APPLICATION_ID}/certificates`, { json: { thumbprint: pfxFixture().thumbprint } });
    expect(registered.status, registered.text).to.equal(201);
    const created = (await client.post("/Organizations", existingApplicationBody(pfxFixture()))).body;
    await stop(first);
    const second = await run(["--http"], { VB365_EMULATOR_STATE_FILE: stateFile, VB365_EMULATOR_QUIET: "1" });
    const again = new EmulatorClient(second.emulator, "v8");
    await again.login();
    expect((await again.get(`/Organizations/${created.id}`)).body.name).to.equal("contoso.onmicrosoft.com");
    await stop(second);
  });

  it("refuses bad flags with exit code 2 and the usage on stderr", async () => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(ROOT, "emulator", "bin.ts"), "--versions", "v5"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number];
    expect(code).to.equal(2);
    expect(stdout).to.equal("");
    expect(stderr).to.include('vb365-emulator: --versions takes a comma-separated list of v6, v7 and v8, not "v5".');
    expect(stderr).to.include("Usage: vb365-emulator [options]");
  });

  it("refuses --host beyond loopback without --allow-remote, with exit code 2", async () => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(ROOT, "emulator", "bin.ts"), "--host", "0.0.0.0", "--http"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number];
    expect(code).to.equal(2);
    expect(stdout).to.equal("");
    expect(stderr).to.include(
      'vb365-emulator: --host "0.0.0.0" is beyond loopback: anyone who can reach it could use the control API (/__emulator), which has no password. Listen on 127.0.0.1 (the default), or add --allow-remote (VB365_EMULATOR_ALLOW_REMOTE=1) to mean it.',
    );
  });

  it("listens beyond loopback with --allow-remote, warning on stderr even with --quiet", async () => {
    for (const quiet of [[], ["--quiet"]]) {
      const running = await run(["--host", "0.0.0.0", "--http", "--allow-remote", ...quiet]);
      const port = new URL(running.ready.url).port;
      expect((await send({ ...running.emulator, url: `http://127.0.0.1:${port}` }, "GET", "/__emulator/ping")).status).to.equal(200);
      expect(running.stderr()).to.include(`listening beyond loopback at http://0.0.0.0:${port}: anyone who can reach it can read and change everything through the control API (/__emulator), which has no password. Use it only on a network you trust.`);
      await stop(running);
    }
  });
});
