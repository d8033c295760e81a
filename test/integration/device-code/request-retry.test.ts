import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { startEmulator, type Emulator } from "../../../emulator";
import { deviceCodeLogin } from "../../../provider/device-code";
import { emulatorConnection } from "../../helpers/organization-provider";

describe("deviceCodeLogin when VB365 throttles or drops the code request", () => {
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator?.close());

  it("asks again after a 429 and after a lost answer, and hands over the code it got", async () => {
    emulator.injectFault({ kind: "deviceCode.create", status: 429, retryAfterSeconds: 0, times: 1 });
    emulator.injectFault({ kind: "deviceCode.create", reset: "after", times: 1 });
    const result = await deviceCodeLogin({
      connection: emulatorConnection(emulator),
      clientOptions: { retryPolicy: { maxRetries: 3, minDelayMs: 10, maxDelayMs: 10 } },
      wait: false,
      onVerification: () => undefined,
    });
    expect(emulator.counters().byKind["deviceCode.create"]).to.equal(3);
    // The code whose answer was lost is issued too; it expires unused.
    const issued = emulator.deviceCodes();
    expect(issued).to.have.length(2);
    expect(issued.map((code) => code.userCode)).to.include(result.userCode);
  });
});
