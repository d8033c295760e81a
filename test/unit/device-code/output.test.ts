import { expect } from "chai";
import { afterEach, describe, it } from "mocha";
import { customerInstructions, jsonReport } from "../../../cli/device-code/render";
import { countdown, WaitDisplay } from "../../../cli/device-code/wait-display";
import { Vb365ApiError } from "../../../provider/client";
import type { DeviceCodeVerification } from "../../../provider/device-code";

const ISSUED = Date.parse("2025-11-21T20:00:00Z");
const verification: DeviceCodeVerification = {
  userCode: "ABCD-EFGH",
  verificationUrl: "https://microsoft.com/devicelogin",
  region: "Worldwide",
  message: "To sign in, ...",
  issuedAt: new Date(ISSUED),
  expiresAt: new Date(ISSUED + 900_000),
  expiresInSeconds: 900,
};

class Recorder {
  text = "";
  constructor(readonly isTTY: boolean) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

describe("customer instructions", () => {
  it("reads as a message to forward: URL, code and deadline in UTC on their own lines", () => {
    expect(customerInstructions(verification, ISSUED + 1000)).to.equal(
      [
        "To connect your Microsoft 365 organization to Veeam Backup for Microsoft 365, a Global",
        "Administrator of your organization needs to sign in once:",
        "",
        "  1. Open https://microsoft.com/devicelogin in a web browser.",
        "  2. Enter the code: ABCD-EFGH",
        "  3. Sign in with a Global Administrator account and accept the request.",
        "",
        "The code is valid until 2025-11-21 20:15:00 UTC (14 min 59 s from now).",
        "",
      ].join("\n"),
    );
  });

  it("reports dates as ISO strings in the JSON object", () => {
    const report = jsonReport(verification, { ...verification, authenticated: true, signedInAt: new Date(ISSUED + 65_000), polls: 13 });
    expect(report).to.deep.equal({
      userCode: "ABCD-EFGH",
      verificationUrl: "https://microsoft.com/devicelogin",
      message: "To sign in, ...",
      region: "Worldwide",
      issuedAt: "2025-11-21T20:00:00.000Z",
      expiresAt: "2025-11-21T20:15:00.000Z",
      expiresIn: 900,
      authenticated: true,
      signedInAt: "2025-11-21T20:01:05.000Z",
    });
    expect(jsonReport(undefined, undefined)).to.deep.equal({ authenticated: false });
  });
});

describe("WaitDisplay", () => {
  let display: WaitDisplay | undefined;
  afterEach(() => display?.stop());

  it("keeps one live countdown line on a terminal and leaves a clean line when signed in", () => {
    const stream = new Recorder(true);
    let now = ISSUED + 1000;
    display = new WaitDisplay(stream, verification.expiresAt, () => now);
    display.start();
    expect(stream.text).to.equal("\r\x1b[2KWaiting for the customer to sign in… 14:59 left (Ctrl-C stops waiting)");
    now += 60_000;
    display.progress({ kind: "pending", attempt: 12, remainingMs: 839_000, intervalMs: 5000, nextPollInMs: 5000 });
    expect(stream.text).not.to.include("\n");
    display.progress({ kind: "signed_in", attempt: 13, remainingMs: 839_000, intervalMs: 5000 });
    expect(stream.text.endsWith("\r\x1b[2KSigned in. The code can be used until 2025-11-21 20:15:00 UTC (13 min 59 s left).\n")).to.equal(true);
  });

  it("writes a line a minute and one per event when not on a terminal", () => {
    const stream = new Recorder(false);
    let now = ISSUED;
    display = new WaitDisplay(stream, verification.expiresAt, () => now);
    display.start();
    const pending = { kind: "pending" as const, attempt: 1, remainingMs: 0, intervalMs: 5000, nextPollInMs: 5000 };
    for (let second = 5; second <= 120; second += 5) {
      now = ISSUED + second * 1000;
      display.progress(pending);
    }
    const error = new Vb365ApiError({ method: "POST", path: "/v8/DeviceCode/check", status: 503, veeamMessage: "Service Unavailable" });
    display.progress({ kind: "retrying", attempt: 25, remainingMs: 0, intervalMs: 5000, nextPollInMs: 5000, error });
    display.progress({ kind: "slow_down", attempt: 26, remainingMs: 0, intervalMs: 10_000, nextPollInMs: 10_000, error });
    display.progress({ kind: "signed_in", attempt: 27, remainingMs: 0, intervalMs: 10_000 });
    expect(stream.text.split("\n")).to.deep.equal([
      "Waiting for the customer to sign in; the code is valid until 2025-11-21 20:15:00 UTC (15 min left).",
      "Still waiting for the sign-in: 14 min left.",
      "Still waiting for the sign-in: 13 min left.",
      "Checking the sign-in failed (VB365 POST /v8/DeviceCode/check failed with 503: Service Unavailable); trying again in 5 s.",
      "VB365 asked for fewer requests; checking every 10 s from now on.",
      "Signed in. The code can be used until 2025-11-21 20:15:00 UTC (13 min left).",
      "",
    ]);
  });

  it("formats the countdown like a clock", () => {
    expect(countdown(899_001)).to.equal("15:00");
    expect(countdown(65_000)).to.equal("1:05");
    expect(countdown(3_723_000)).to.equal("1:02:03");
    expect(countdown(-5)).to.equal("0:00");
  });
});
