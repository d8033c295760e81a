import { expect } from "chai";
import { describe, it } from "mocha";
import { Vb365ApiError, Vb365ConfigError, Vb365ConnectionError } from "../../../provider/client";
import {
  deviceCodeLogin,
  type DeviceCodeLoginOptions,
  type DeviceCodeProgress,
  type DeviceCodeVerification,
  Vb365DeviceCodeError,
} from "../../../provider/device-code";
import { FakeClock, ScriptedClient } from "./fakes";
import { rejection } from "../../helpers/rejection";

const START = Date.parse("2025-11-21T20:00:00Z");

function login(clock: FakeClock, client: ScriptedClient, extra: Partial<DeviceCodeLoginOptions> = {}) {
  const seen: DeviceCodeVerification[] = [];
  const progress: DeviceCodeProgress[] = [];
  const promise = deviceCodeLogin({
    client,
    clock,
    onVerification: (verification) => {
      seen.push(verification);
    },
    onProgress: (step) => progress.push(step),
    ...extra,
  });
  return { promise, seen, progress };
}

describe("deviceCodeLogin", () => {
  it("hands the code to onVerification, then polls every 5 s until the customer signed in", async () => {
    const clock = new FakeClock();
    const client = new ScriptedClient(clock, [false, false, true]);
    const { promise, seen, progress } = login(clock, client);
    const result = await promise;

    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.include({ userCode: "ABCD-EFGH", verificationUrl: "https://microsoft.com/devicelogin", region: "Worldwide", expiresInSeconds: 900 });
    expect(seen[0].expiresAt.toISOString()).to.equal("2025-11-21T20:15:00.000Z");
    expect(client.checks.map((check) => check.at - START)).to.deep.equal([5000, 10000, 15000]);
    expect(progress.map((step) => step.kind)).to.deep.equal(["pending", "pending", "signed_in"]);
    expect(progress[0]).to.deep.include({ attempt: 1, intervalMs: 5000, nextPollInMs: 5000, remainingMs: 895_000 });
    expect(result).to.deep.include({ userCode: "ABCD-EFGH", authenticated: true, polls: 3 });
    expect(result.signedInAt?.toISOString()).to.equal("2025-11-21T20:00:15.000Z");
  });

  it("awaits onVerification before the first poll, so the code can be stored first", async () => {
    const clock = new FakeClock();
    const client = new ScriptedClient(clock, [true]);
    const order: string[] = [];
    await deviceCodeLogin({
      client,
      clock,
      onVerification: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push("stored");
      },
      onProgress: () => order.push("poll"),
    });
    expect(order).to.deep.equal(["stored", "poll"]);
  });

  it("returns right after onVerification with wait: false, without polling", async () => {
    const clock = new FakeClock();
    const client = new ScriptedClient(clock, [true]);
    const result = await login(clock, client, { wait: false }).promise;
    expect(result).to.deep.include({ authenticated: false, polls: 0 });
    expect(client.checks).to.deep.equal([]);
  });

  it("stops at the code's expiry and rejects with device_code_expired", async () => {
    const clock = new FakeClock();
    const client = new ScriptedClient(clock, [false], { userCode: "WXYZ", verificationUrl: "https://microsoft.com/devicelogin", expiresIn: 12 });
    const error = await rejection(login(clock, client).promise);
    expect(error).to.be.instanceOf(Vb365DeviceCodeError);
    expect((error as Vb365DeviceCodeError).code).to.equal("device_code_expired");
    expect(error.message).to.equal(
      "The device code expired at 2025-11-21 20:00:12 UTC before anybody signed in with it. Request a new code and send it to the customer's Global Administrator.",
    );
    expect(client.checks.map((check) => check.at - START)).to.deep.equal([5000, 10000]);
    expect(clock.now() - START).to.equal(12_000);
  });

  it("takes a 400 that says the code expired as expiry", async () => {
    const clock = new FakeClock();
    const expired = new Vb365ApiError({ method: "POST", path: "/v8/DeviceCode/check", status: 400, veeamMessage: "The device code 'ABCD' has expired." });
    const client = new ScriptedClient(clock, [false, expired]);
    const error = await rejection(login(clock, client).promise);
    expect((error as Vb365DeviceCodeError).code).to.equal("device_code_expired");
    expect(error.cause).to.equal(expired);
  });

  it("reports any other 400 as it is", async () => {
    const clock = new FakeClock();
    const unknown = new Vb365ApiError({ method: "POST", path: "/v8/DeviceCode/check", status: 400, veeamMessage: "The device code 'ABCD' was not found." });
    const error = await rejection(login(clock, new ScriptedClient(clock, [unknown])).promise);
    expect(error).to.equal(unknown);
  });

  it("gives up after timeoutMs with device_code_wait_timeout while the code is still valid", async () => {
    const clock = new FakeClock();
    const client = new ScriptedClient(clock, [false]);
    const error = await rejection(login(clock, client, { timeoutMs: 60_000 }).promise);
    expect((error as Vb365DeviceCodeError).code).to.equal("device_code_wait_timeout");
    expect(error.message).to.equal(
      "Nobody signed in with the device code within 1 min, the time allowed for the wait. The code itself stays valid until 2025-11-21 20:15:00 UTC.",
    );
    expect(clock.now() - START).to.equal(60_000);
    expect(client.checks).to.have.length(11);
  });

  it("adds 5 s to the interval for every later poll after a 429 (RFC 8628 slow_down)", async () => {
    const clock = new FakeClock();
    const busy = new Vb365ApiError({ method: "POST", path: "/v8/DeviceCode/check", status: 429 });
    const client = new ScriptedClient(clock, [false, busy, false, false, true]);
    const { promise, progress } = login(clock, client);
    await promise;
    expect(client.checks.map((check) => check.at - START)).to.deep.equal([5000, 10000, 20000, 30000, 40000]);
    expect(progress.map((step) => `${step.kind}:${step.intervalMs}`)).to.deep.equal([
      "pending:5000",
      "slow_down:10000",
      "pending:10000",
      "pending:10000",
      "signed_in:10000",
    ]);
    expect(progress[1].error).to.equal(busy);
  });

  it("waits at least the server's Retry-After after a 429", async () => {
    const clock = new FakeClock();
    const busy = new Vb365ApiError({ method: "POST", path: "/v8/DeviceCode/check", status: 429, retryAfterMs: 30_000 });
    const client = new ScriptedClient(clock, [busy, true]);
    await login(clock, client).promise;
    expect(client.checks.map((check) => check.at - START)).to.deep.equal([5000, 35000]);
  });

  it("rides out three passing failures in a row, and gives up on the fourth", async () => {
    const clock = new FakeClock();
    const reset = new Vb365ConnectionError("POST", "/v8/DeviceCode/check", "connection_reset", "reset");
    const unavailable = new Vb365ApiError({ method: "POST", path: "/v8/DeviceCode/check", status: 503 });
    const recovered = new ScriptedClient(clock, [reset, unavailable, reset, false, reset, true]);
    const { promise, progress } = login(clock, recovered);
    expect((await promise).authenticated).to.equal(true);
    expect(progress.map((step) => step.kind)).to.deep.equal(["retrying", "retrying", "retrying", "pending", "retrying", "signed_in"]);

    const down = new ScriptedClient(clock, [reset]);
    expect(await rejection(login(clock, down).promise)).to.equal(reset);
    expect(down.checks).to.have.length(4);
  });

  it("stops at once on refused credentials or an untrusted certificate", async () => {
    for (const failure of [
      new Vb365ApiError({ method: "POST", path: "/v8/token", status: 400 }, "bad_credentials"),
      new Vb365ConnectionError("POST", "/v8/DeviceCode/check", "tls_untrusted", "not trusted"),
    ]) {
      const clock = new FakeClock();
      const client = new ScriptedClient(clock, [failure]);
      expect(await rejection(login(clock, client).promise)).to.equal(failure);
      expect(client.checks).to.have.length(1);
    }
  });

  it("rejects with device_code_wait_aborted when the signal aborts", async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const client = new ScriptedClient(clock, [false]);
    const { promise } = login(clock, client, {
      signal: controller.signal,
      onProgress: (step) => {
        if (step.attempt === 2) controller.abort();
      },
    });
    const error = await rejection(promise);
    expect((error as Vb365DeviceCodeError).code).to.equal("device_code_wait_aborted");
    expect(error.message).to.equal("Stopped waiting for the sign-in. The code stays valid until 2025-11-21 20:15:00 UTC.");
    expect(client.checks).to.have.length(2);
  });

  it("sends the region as v6–v8 spell it, accepting old spellings", async () => {
    const clock = new FakeClock();
    const client = new ScriptedClient(clock, [true]);
    for (const region of ["usgovdefence", "usgovcommunity", "china", undefined]) {
      const result = await login(clock, client, { region, wait: false }).promise;
      expect(result.region).to.equal(client.regions[client.regions.length - 1]);
    }
    expect(client.regions).to.deep.equal(["USDefence", "USGovernment", "China", "Worldwide"]);
  });

  it("refuses an unknown region with the valid ones and a suggestion, before asking VB365", async () => {
    const clock = new FakeClock();
    const client = new ScriptedClient(clock, [true]);
    const error = await rejection(login(clock, client, { region: "Wordlwide" }).promise);
    expect(error).to.be.instanceOf(Vb365ConfigError);
    expect(error.message).to.equal(
      'The region must be one of Worldwide, Germany, China, USDefence, USGovernment (old spellings such as worldwide or USgovDefence are accepted), not "Wordlwide". Did you mean "Worldwide"?',
    );
    expect(client.regions).to.deep.equal([]);
  });

  it("refuses a call with neither connection nor client, and a non-positive interval", async () => {
    const noConnection = await rejection(deviceCodeLogin({ onVerification: () => undefined }));
    expect(noConnection.message).to.equal("deviceCodeLogin needs either `connection` (VB365 connection settings) or `client`.");
    const clock = new FakeClock();
    const badInterval = await rejection(login(clock, new ScriptedClient(clock, [true]), { pollIntervalMs: 0 }).promise);
    expect(badInterval.message).to.equal("pollIntervalMs must be a positive number of milliseconds, not 0.");
  });
});
