import { createHash, X509Certificate } from "node:crypto";
import { expect } from "chai";
import { after, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../../emulator";
import { contractViolations } from "../../helpers/emulator-contract";
import { EmulatorClient, send } from "../../helpers/emulator";

describe("emulator transport", () => {
  const started: Emulator[] = [];
  const start = async (options: Parameters<typeof startEmulator>[0] = {}) => {
    const emulator = await startEmulator({ recordBodies: true, ...options });
    started.push(emulator);
    return emulator;
  };
  after(async () => {
    const violations = started.flatMap((emulator) => contractViolations(emulator.requests()));
    await Promise.all(started.map((emulator) => emulator.close()));
    expect(violations).to.deep.equal([]);
  });

  // How fast it starts is measured by bench/emulator-startup.ts, not asserted here.
  it("generates a certificate of its own when asked not to reuse the shared one", async () => {
    const shared = await start();
    const fresh = await start({ reuseCertificate: false });
    expect(fresh.port).to.be.greaterThan(0);
    expect(fresh.fingerprint).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fresh.fingerprint).not.to.equal(shared.fingerprint);
  });

  it("serves HTTPS on loopback with a self-signed certificate that caPem trusts", async () => {
    const emulator = await start();
    expect(emulator.url).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
    const certificate = new X509Certificate(emulator.caPem!);
    expect(certificate.checkIssued(certificate)).to.equal(true);
    expect(certificate.subjectAltName).to.include("IP Address:127.0.0.1");
    const client = new EmulatorClient(emulator, "v8");
    await client.login();
    expect((await client.get("/Organizations")).status).to.equal(200);
  });

  it("reports the SHA-256 fingerprint of its certificate", async () => {
    const emulator = await start();
    const der = new X509Certificate(emulator.caPem!).raw;
    const expected = createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g)!.join(":");
    expect(emulator.fingerprint).to.equal(expected);
  });

  it("refuses clients that do not trust the certificate", async () => {
    const emulator = await start();
    const untrusted = { ...emulator, caPem: undefined };
    let failure: unknown;
    try {
      await send(untrusted, "GET", "/ping");
    } catch (error) {
      failure = error;
    }
    expect((failure as NodeJS.ErrnoException).code).to.equal("DEPTH_ZERO_SELF_SIGNED_CERT");
  });

  it("serves plain HTTP on request, with no certificate", async () => {
    const emulator = await start({ http: true });
    expect(emulator.url).to.match(/^http:\/\//);
    expect(emulator.caPem).to.equal(undefined);
    expect(emulator.fingerprint).to.equal(undefined);
    expect((await send(emulator, "GET", "/ping")).body).to.deep.equal({ status: "ok" });
  });

  it("picks a free port by default, so two emulators run side by side", async () => {
    const [first, second] = await Promise.all([start({ http: true }), start({ http: true })]);
    expect(first!.port).to.not.equal(second!.port);
  });

  it("serves only the versions it is told to", async () => {
    const emulator = await start({ http: true, versions: ["v8"] });
    expect(emulator.versions).to.deep.equal(["v8"]);
    const v8 = new EmulatorClient(emulator, "v8");
    await v8.login();
    const v7 = await send(emulator, "POST", "/v7/token", { form: { grant_type: "password", username: "admin", password: "vb365-emulator" } });
    expect(v7.status).to.equal(404);
    expect(v7.body.message).to.equal("No HTTP resource was found that matches the request URI '/v7/token'.");
  });

  it("answers 404 for an unknown route and 405 for a wrong method, in the version's error shape", async () => {
    const emulator = await start({ http: true });
    const client = new EmulatorClient(emulator, "v7");
    await client.login();
    const missing = await client.get("/Proxies");
    expect(missing.status).to.equal(404);
    expect(missing.body).to.deep.equal({ message: "No HTTP resource was found that matches the request URI '/v7/Proxies'.", errorCode: null });
    const wrongMethod = await client.request("PATCH", "/Organizations");
    expect(wrongMethod.status).to.equal(405);
    expect(wrongMethod.headers.allow).to.equal("GET, POST");
  });

  it("matches paths case-insensitively and ignores a trailing slash, like the real server", async () => {
    const emulator = await start({ http: true });
    const token = await send(emulator, "POST", "/V6/Token", { form: { grant_type: "password", username: "admin", password: "vb365-emulator" } });
    expect(token.status).to.equal(200);
    const list = await send(emulator, "GET", "/v6/organizations/", { headers: { authorization: `Bearer ${token.body.access_token}` } });
    expect(list.status).to.equal(200);
    expect(emulator.counters().byRoute).to.include({ "POST /v6/token": 1, "GET /v6/Organizations": 1 });
  });

  it("answers /ping without a token", async () => {
    const emulator = await start({ http: true });
    expect((await send(emulator, "GET", "/ping")).body).to.deep.equal({ status: "ok" });
    expect((await send(emulator, "GET", "/__emulator/ping")).status).to.equal(200);
  });

  it("reports its build in GET /ServiceInstance, and v8 health anonymously", async () => {
    const emulator = await start({ http: true });
    const v6 = new EmulatorClient(emulator, "v6");
    await v6.login();
    const instance = await v6.get("/ServiceInstance");
    expect(instance.body.version).to.equal("8.0.2.159");
    expect(instance.body.installationId).to.match(/^[0-9a-f-]{36}$/);
    const health = await send(emulator, "GET", "/v8/Health");
    expect(health.status).to.equal(200);
    expect(health.body.status).to.equal("Healthy");
    expect((await v6.get("/Health")).status).to.equal(404);
  });

  it("reports the build of the newest version it serves", async () => {
    const emulator = await start({ http: true, versions: ["v6", "v7"] });
    const client = new EmulatorClient(emulator, "v6");
    await client.login();
    expect((await client.get("/ServiceInstance")).body.version).to.equal("7.0.0.2911");
  });

  it("closes idempotently and drops open connections", async () => {
    const emulator = await start({ http: true });
    await emulator.close();
    await emulator.close();
    let failure: unknown;
    try {
      await send(emulator, "GET", "/ping");
    } catch (error) {
      failure = error;
    }
    expect((failure as NodeJS.ErrnoException).code).to.equal("ECONNREFUSED");
  });
});
