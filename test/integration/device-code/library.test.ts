import { expect } from "chai";
import { after, afterEach, before, beforeEach, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../../emulator";
import { type ConnectionSettings, Vb365ApiError, Vb365Client, Vb365ConnectionError } from "../../../provider/client";
import { deviceCodeLogin, type DeviceCodeProgress, Vb365DeviceCodeError } from "../../../provider/device-code";
import { bodyFor } from "../../helpers/organization-body";
import { emulatorConnection } from "../../helpers/organization-provider";
import { rejection } from "../../helpers/rejection";
import { makePfx, newApplicationInputs, type TestPfx } from "../../helpers/tenant-fixtures";

const FAST = { maxRetries: 0, minDelayMs: 10, maxDelayMs: 10 };

describe("deviceCodeLogin against the emulator", () => {
  let emulator: Emulator;
  let pfx: TestPfx;
  const clients: Vb365Client[] = [];

  before(async () => {
    [emulator, pfx] = await Promise.all([startEmulator(), makePfx()]);
  });
  after(async () => {
    await emulator?.close();
  });
  beforeEach(() => emulator.reset());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  function connection(overrides: Record<string, string | undefined> = {}): ConnectionSettings {
    return emulatorConnection(emulator, "v8", overrides);
  }

  function client(settings = connection()): Vb365Client {
    const created = new Vb365Client(settings, { retryPolicy: FAST });
    clients.push(created);
    return created;
  }

  it("pauses until the customer signs in, and the code then adds the organization exactly once", async () => {
    const steps: DeviceCodeProgress[] = [];
    const result = await deviceCodeLogin({
      connection: connection(),
      pollIntervalMs: 100,
      onVerification: () => undefined,
      onProgress: (step) => {
        steps.push(step);
        // The customer signs in while the pipeline waits.
        if (step.attempt === 3) emulator.approveDeviceCode(emulator.deviceCodes()[0].userCode, "fabrikam.onmicrosoft.com");
      },
    });
    expect(result.authenticated).to.equal(true);
    expect(steps.map((step) => step.kind)).to.deep.equal(["pending", "pending", "pending", "signed_in"]);
    expect(emulator.deviceCodes()[0]).to.deep.include({ userCode: result.userCode, signedIn: true, used: false, region: "Worldwide" });

    const vb365 = client();
    const body = bodyFor(newApplicationInputs(pfx, result.userCode), "create");
    const created = await vb365.createOrganization(body);
    expect(created.name).to.equal("fabrikam.onmicrosoft.com");

    const second = await rejection(vb365.createOrganization(body));
    expect(second).to.be.instanceOf(Vb365ApiError);
    expect((second as Vb365ApiError).status).to.equal(400);
    expect((second as Vb365ApiError).veeamMessage).to.match(/has already been used\. Request a new code/);
    expect(second.message).not.to.include(result.userCode);
    expect(emulator.state().organizations).to.have.length(1);
  });

  it("stops when the code expires before anybody signed in, and the organization create refuses it too", async () => {
    emulator.configure({ deviceCodeLifetimeSeconds: 1 });
    let userCode = "";
    const started = Date.now();
    const error = await rejection(
      deviceCodeLogin({ connection: connection(), pollIntervalMs: 200, onVerification: (v) => void (userCode = v.userCode) }),
    );
    expect(error).to.be.instanceOf(Vb365DeviceCodeError);
    expect((error as Vb365DeviceCodeError).code).to.equal("device_code_expired");
    // It waited for the code's lifetime instead of giving up early.
    expect(Date.now() - started).to.be.at.least(900);

    const refused = await rejection(client().createOrganization(bodyFor(newApplicationInputs(pfx, userCode), "create")));
    expect((refused as Vb365ApiError).veeamMessage).to.match(/has expired/);
  });

  it("sends the region the customer's cloud needs and returns its sign-in page", async () => {
    const result = await deviceCodeLogin({ connection: connection(), region: "usgovdefence", wait: false, onVerification: () => undefined });
    expect(result).to.deep.include({ region: "USDefence", verificationUrl: "https://microsoft.com/deviceloginus", authenticated: false, polls: 0 });
    expect(emulator.deviceCodes()[0].region).to.equal("USDefence");
  });

  for (const apiVersion of ["v6", "v7"]) {
    it(`works on ${apiVersion} as on v8`, async () => {
      emulator.configure({ autoApproveDeviceCodesMs: 150 });
      const result = await deviceCodeLogin({ connection: connection({ "vb365:apiVersion": apiVersion }), pollIntervalMs: 100, onVerification: () => undefined });
      expect(result.authenticated).to.equal(true);
      expect(emulator.requests().every((entry) => entry.path.startsWith(`/${apiVersion}/`))).to.equal(true);
    });
  }

  it("reports refused credentials as bad_credentials without the password", async () => {
    const error = await rejection(
      deviceCodeLogin({ connection: connection({ "vb365:password": "Wrong-Passw0rd" }), clientOptions: { retryPolicy: FAST }, onVerification: () => undefined }),
    );
    expect(error).to.be.instanceOf(Vb365ApiError);
    expect((error as Vb365ApiError).code).to.equal("bad_credentials");
    expect(error.message).not.to.include("Wrong-Passw0rd");
    expect(emulator.deviceCodes()).to.deep.equal([]);
  });

  it("reports an untrusted certificate as tls_untrusted, before sending anything", async () => {
    const error = await rejection(
      deviceCodeLogin({ connection: connection({ "vb365:caCertificate": undefined }), clientOptions: { retryPolicy: FAST }, onVerification: () => undefined }),
    );
    expect(error).to.be.instanceOf(Vb365ConnectionError);
    expect((error as Vb365ConnectionError).code).to.equal("tls_untrusted");
    expect(emulator.requests()).to.deep.equal([]);
  });

  it("rides out a VB365 hiccup while waiting", async () => {
    emulator.configure({ autoApproveDeviceCodesMs: 500 });
    emulator.injectFault({ kind: "deviceCode.check", status: 503, times: 2 });
    const steps: string[] = [];
    const result = await deviceCodeLogin({
      connection: connection(),
      clientOptions: { retryPolicy: FAST },
      pollIntervalMs: 100,
      onVerification: () => undefined,
      onProgress: (step) => steps.push(step.kind),
    });
    expect(result.authenticated).to.equal(true);
    expect(steps.slice(0, 2)).to.deep.equal(["retrying", "retrying"]);
    expect(steps[steps.length - 1]).to.equal("signed_in");
  });
});
