import type { DeviceCode } from "../../../provider/client";
import type { DeviceCodeClient, DeviceCodeClock } from "../../../provider/device-code";

/** A clock whose sleeps pass at once, moving time forward by exactly what was asked. */
export class FakeClock implements DeviceCodeClock {
  readonly sleeps: number[] = [];
  constructor(public time = Date.parse("2025-11-21T20:00:00Z")) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += ms;
  }
}

/** Answers each check with the next scripted outcome: a boolean, or an error to throw. */
export class ScriptedClient implements DeviceCodeClient {
  readonly regions: string[] = [];
  readonly checks: Array<{ userCode: string; at: number }> = [];

  constructor(
    private readonly clock: FakeClock,
    private readonly outcomes: Array<boolean | Error>,
    private readonly code: DeviceCode = { userCode: "ABCD-EFGH", verificationUrl: "https://microsoft.com/devicelogin", expiresIn: 900, message: "To sign in..." },
  ) {}

  async createDeviceCode(targetRegion: string): Promise<DeviceCode> {
    this.regions.push(targetRegion);
    return this.code;
  }

  async isDeviceCodeAuthenticated(userCode: string): Promise<boolean> {
    this.checks.push({ userCode, at: this.clock.now() });
    const outcome = this.outcomes.length > 1 ? this.outcomes.shift()! : this.outcomes[0];
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }
}
