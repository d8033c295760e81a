import * as net from "node:net";
import { expect } from "chai";
import { after, before, beforeEach, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../../emulator";
import { Vb365Client, Vb365ConnectionError, Vb365Error } from "../../../provider/client";
import { checkAndCreate, configuredProvider, emulatorConfig, emulatorConnection, registerCertificate } from "../../helpers/organization-provider";
import { eventually } from "../../helpers/eventually";
import { existingApplicationInputs, makePfx, type TestPfx } from "../../helpers/tenant-fixtures";
import { rejection } from "../../helpers/rejection";

describe("VB365 client under faults", () => {
  let emulator: Emulator;
  let pfx: TestPfx;
  const clients: Vb365Client[] = [];

  before(async () => {
    [emulator, pfx] = await Promise.all([startEmulator(), makePfx()]);
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await emulator?.close();
  });
  beforeEach(() => {
    emulator.reset();
    // The customer registered the tenant's certificate on its application.
    registerCertificate(emulator, pfx, "contoso.onmicrosoft.com");
  });

  function client(extra: Record<string, string> = {}, version = "v8"): Vb365Client {
    const created = new Vb365Client(emulatorConnection(emulator, version, extra));
    clients.push(created);
    return created;
  }

  it("shares one token between concurrent calls", async () => {
    const shared = client();
    await Promise.all(Array.from({ length: 10 }, () => shared.listOrganizations()));
    expect(emulator.counters().byKind.token).to.equal(1);
  });

  it("renews the token once after a 401 and carries on", async () => {
    const shared = client();
    await shared.listOrganizations();
    emulator.expireTokens("access");
    await shared.listOrganizations();
    const statuses = emulator.requests().map((entry) => `${entry.method} ${entry.status}`);
    expect(statuses).to.deep.equal(["POST 200", "GET 200", "GET 401", "POST 200", "GET 200"]);
  });

  it("retries a read after 429 and honours Retry-After", async () => {
    emulator.injectFault({ kind: "organizations.list", status: 429, retryAfterSeconds: 1, times: 2 });
    const started = Date.now();
    expect(await client().listOrganizations()).to.deep.equal([]);
    expect(Date.now() - started).to.be.at.least(1900);
    expect(emulator.counters().byKind["organizations.list"]).to.equal(3);
  });

  it("retries PUT and DELETE after 503", async () => {
    const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
    const { id } = await checkAndCreate(provider, existingApplicationInputs(pfx, "contoso.onmicrosoft.com"));
    emulator.injectFault({ method: "PUT", status: 503, times: 1 });
    emulator.injectFault({ method: "DELETE", status: 503, times: 1 });
    const shared = client();
    await shared.updateOrganization(id, { description: "after a 503" });
    await shared.deleteOrganization(id);
    expect(emulator.state().organizations).to.deep.equal([]);
  });

  it("gives up with method, path, status and Veeam's message when retries run out", async () => {
    emulator.injectFault({ kind: "organizations.list", status: 503, message: "The service is starting." });
    const error = await rejection(client().listOrganizations());
    expect(error).to.be.instanceOf(Vb365Error);
    expect((error as Error).message).to.equal("VB365 GET /v8/Organizations?offset=0&limit=10000 failed with 503: The service is starting. [HttpError]");
  }).timeout(60_000);

  it("does not retry a create blindly: it looks first, then creates once", async () => {
    emulator.injectFault({ kind: "organizations.create", status: 503, times: 1 });
    const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
    await checkAndCreate(provider, existingApplicationInputs(pfx, "contoso.onmicrosoft.com"));
    expect(emulator.state().organizations).to.have.length(1);
    expect(emulator.counters().byKind["organizations.create"]).to.equal(2);
    expect(emulator.counters().byKind["organizations.list"]).to.equal(1);
  });

  it("adopts what an ambiguous create made instead of adding it twice", async () => {
    emulator.injectFault({ kind: "organizations.create", reset: "after", times: 1 });
    const provider = await configuredProvider(emulatorConfig(emulator, "v8"));
    const { id } = await checkAndCreate(provider, existingApplicationInputs(pfx, "contoso.onmicrosoft.com"));
    const stored = emulator.state().organizations as Array<{ id: string }>;
    expect(stored.map((organization) => organization.id)).to.deep.equal([id]);
    expect(emulator.counters().byKind["organizations.create"]).to.equal(1);
  });

  it("retries a read that outlasts the client timeout", async () => {
    emulator.injectFault({ kind: "organizations.list", latencyMs: 2_500, times: 1 });
    expect(await client({ "vb365:timeoutSeconds": "1" }).listOrganizations()).to.deep.equal([]);
    // The emulator logs the abandoned first request only when its delay has run out.
    await eventually(() => expect(emulator.counters().byKind["organizations.list"]).to.equal(2));
  });

  it("gives up on a server that takes the connection but never answers the handshake, within vb365:timeoutSeconds", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const settings = { ...emulatorConnection(emulator, "v8", { "vb365:timeoutSeconds": "1" }), url: `https://127.0.0.1:${port}` };
      const stuck = new Vb365Client(settings);
      clients.push(stuck);
      const started = Date.now();
      const error = await rejection(stuck.listOrganizations());
      // undici's own connect timeout is 10 s: giving up sooner shows the setting is what counts.
      expect(Date.now() - started).to.be.below(8_000);
      expect(error).to.be.instanceOf(Vb365ConnectionError);
      expect((error as Vb365ConnectionError).code).to.equal("timeout");
      expect((error as Error).message).to.contain("did not complete a connection (TCP and TLS) within 1 s").and.contain("vb365:timeoutSeconds");
    } finally {
      silent.close();
    }
  });

  it("names the settings to use when the TLS certificate is not trusted", async () => {
    const withoutCa = { "vb365:caCertificate": undefined };
    const untrusted = new Vb365Client(emulatorConnection(emulator, "v8", withoutCa));
    clients.push(untrusted);
    const error = await rejection(untrusted.listOrganizations());
    expect(error).to.be.instanceOf(Vb365ConnectionError);
    expect((error as Vb365ConnectionError).code).to.equal("tls_untrusted");
    expect((error as Error).message).to.contain("vb365:caCertificate").and.contain("VB365_CA_FILE").and.contain("vb365:insecureSkipVerify");
    const insecure = new Vb365Client(emulatorConnection(emulator, "v8", { ...withoutCa, "vb365:insecureSkipVerify": "true" }));
    clients.push(insecure);
    expect(await insecure.listOrganizations()).to.deep.equal([]);
  });

  it("says when nothing answers", async () => {
    const closed = await startEmulator();
    const url = closed.url;
    await closed.close();
    const unreachable = new Vb365Client(emulatorConnection(emulator, "v8", { "vb365:url": url }), { retryPolicy: { maxRetries: 1, minDelayMs: 10, maxDelayMs: 10 } });
    clients.push(unreachable);
    const error = await rejection(unreachable.listOrganizations());
    expect((error as Vb365ConnectionError).code).to.equal("unreachable");
    expect((error as Error).message).to.contain("connection refused").and.contain("vb365:url");
  });

  it("reports refused credentials without echoing the password", async () => {
    const error = await rejection(client({ "vb365:password": "not-the-password" }).listOrganizations());
    expect((error as Vb365Error).code).to.equal("bad_credentials");
    expect((error as Error).message).to.match(/^VB365 POST \/v8\/token failed with 40[01]: /).and.contain("vb365:password");
    expect((error as Error).message).not.to.contain("not-the-password");
  });

  it("logs in with the password grant on every version, and only v7+ get disable_antiforgery_token", async () => {
    for (const version of ["v6", "v7", "v8"]) await client({}, version).listOrganizations();
    expect(emulator.counters().byKind.token).to.equal(3);
  });
});
