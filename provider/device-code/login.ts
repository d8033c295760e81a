import { Vb365ConfigError } from "../client/errors";
import type { Vb365Client } from "../client/vb365-client";
import { systemClock } from "./clock";
import { waitForSignIn } from "./poll";
import { deviceCodeRegion } from "./region";
import type { DeviceCodeClient, DeviceCodeClock, DeviceCodeLoginOptions, DeviceCodeLoginResult, DeviceCodeVerification } from "./types";

/** RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default." */
const DEFAULT_POLL_INTERVAL_MS = 5_000;

/**
 * The onboarding pause of a new Microsoft 365 organization, as a function: asks VB365 for a
 * device code (POST /vN/DeviceCode), hands it to `onVerification` so it can reach the
 * customer's Global Administrator, then (unless `wait: false`) polls until they signed in.
 * Prints nothing; all output belongs to the caller.
 *
 * Rejects with a Vb365DeviceCodeError when the code expires, `timeoutMs` passes or `signal`
 * aborts; with Vb365ApiError / Vb365ConnectionError when VB365 refuses or cannot be reached
 * (code "bad_credentials", "tls_untrusted", "unreachable", ...); with Vb365ConfigError for a
 * bad region or missing connection.
 *
 * @example
 * const result = await deviceCodeLogin({
 *   connection: resolveConnection({ config: () => undefined, env: process.env }),
 *   onVerification: (v) => notifyCustomer(`Open ${v.verificationUrl} and enter ${v.userCode}`),
 * });
 * // result.userCode is now signed in: pass it as Vb365Organization's userCode within minutes.
 */
export async function deviceCodeLogin(options: DeviceCodeLoginOptions): Promise<DeviceCodeLoginResult> {
  const region = deviceCodeRegion(options.region);
  const pollIntervalMs = positive(options.pollIntervalMs, "pollIntervalMs") ?? DEFAULT_POLL_INTERVAL_MS;
  const timeoutMs = positive(options.timeoutMs, "timeoutMs");
  const clock = options.clock ?? systemClock;
  const { client, owned } = clientFor(options);
  try {
    const verification = await requestDeviceCode(client, region, clock);
    await options.onVerification(verification);
    if (options.wait === false) return { ...verification, authenticated: false, polls: 0 };
    const signIn = await waitForSignIn(client, verification, {
      pollIntervalMs,
      timeoutMs,
      signal: options.signal,
      onProgress: options.onProgress,
      clock,
    });
    return { ...verification, authenticated: true, signedInAt: signIn.signedInAt, polls: signIn.polls };
  } finally {
    if (owned) await owned.close();
  }
}

/** POST /vN/DeviceCode, with the deadline counted from when the request left. */
export async function requestDeviceCode(client: DeviceCodeClient, region: DeviceCodeVerification["region"], clock: DeviceCodeClock = systemClock): Promise<DeviceCodeVerification> {
  const sentAt = clock.now();
  const code = await client.createDeviceCode(region);
  return {
    userCode: code.userCode,
    verificationUrl: code.verificationUrl,
    region,
    message: code.message,
    issuedAt: new Date(sentAt),
    expiresAt: new Date(sentAt + code.expiresIn * 1000),
    expiresInSeconds: code.expiresIn,
  };
}

function clientFor(options: DeviceCodeLoginOptions): { client: DeviceCodeClient; owned?: Vb365Client } {
  if (options.client) return { client: options.client };
  if (!options.connection) throw new Vb365ConfigError("deviceCodeLogin needs either `connection` (VB365 connection settings) or `client`.");
  // Loaded here, not with the package: a program that only declares resources never needs the
  // HTTP client (undici), and loading it delayed the program's first resource.
  const { Vb365Client: Client } = require("../client/vb365-client") as typeof import("../client/vb365-client");
  const owned = new Client(options.connection, options.clientOptions);
  return { client: owned, owned };
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) throw new Vb365ConfigError(`${name} must be a positive number of milliseconds, not ${value}.`);
  return value;
}
