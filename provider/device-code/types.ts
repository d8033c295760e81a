import type { ClientOptions, ConnectionSettings, DeviceCode, Vb365Error } from "../client";
import type { Region } from "../organization/types";

/** What the customer needs to sign in, and how long they have. */
export interface DeviceCodeVerification {
  /** The code the customer types at `verificationUrl`. Single-use, a credential until it expires. */
  userCode: string;
  /** Microsoft's device-login page for the region, e.g. https://microsoft.com/devicelogin. */
  verificationUrl: string;
  /** The Microsoft Entra region the code was requested for, as v6–v8 spell it. */
  region: Region;
  /** Microsoft's own help text, as VB365 relays it. */
  message?: string;
  /** When the code was requested (the moment the request was sent). */
  issuedAt: Date;
  /**
   * When the code stops working: `issuedAt` plus the server's `expiresIn`. Counted from when the
   * request was sent, not answered, so it is never later than the server's own deadline.
   */
  expiresAt: Date;
  /** The lifetime the server gave the code, in seconds (about 900). */
  expiresInSeconds: number;
}

/** One step of the wait for the sign-in, for progress displays and logs. */
export interface DeviceCodeProgress {
  /**
   * - `pending`: nobody has signed in yet; the next poll follows after `nextPollInMs`.
   * - `signed_in`: the customer signed in; the wait is over.
   * - `slow_down`: the server asked for fewer requests (429); `intervalMs` grew by 5 s for good.
   * - `retrying`: the poll failed for a passing reason (`error`); it is tried again.
   */
  kind: "pending" | "signed_in" | "slow_down" | "retrying";
  /** Polls sent so far, this one included. */
  attempt: number;
  /** Milliseconds until the code expires. */
  remainingMs: number;
  /** Current pause between polls. */
  intervalMs: number;
  /** Milliseconds until the next poll; absent once signed in. */
  nextPollInMs?: number;
  /** The failure behind `retrying` or `slow_down`. */
  error?: Vb365Error;
}

/** The part of Vb365Client the flow uses; a test can pass its own. */
export type DeviceCodeClient = {
  createDeviceCode(targetRegion: string): Promise<DeviceCode>;
  isDeviceCodeAuthenticated(userCode: string): Promise<boolean>;
};

/** Time as the flow sees it; tests pass a fake one to run a 15-minute wait in milliseconds. */
export interface DeviceCodeClock {
  now(): number;
  /** Resolves after `ms`, or rejects as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface DeviceCodeLoginOptions {
  /** The VB365 server to ask. A client is created for the call and closed after it. */
  connection?: ConnectionSettings;
  /** Options of the client created for `connection`, e.g. fewer retries for a command line. */
  clientOptions?: ClientOptions;
  /** Or an existing client, e.g. one shared with later calls; it is not closed. */
  client?: DeviceCodeClient;
  /** Microsoft Entra region: Worldwide, Germany, China, USDefence or USGovernment; old spellings are accepted. @default "Worldwide" */
  region?: string;
  /** Poll until the customer signed in. With false, the code is returned right after `onVerification`. @default true */
  wait?: boolean;
  /** Pause between polls (RFC 8628 §3.2 `interval`). @default 5000 */
  pollIntervalMs?: number;
  /** Give up waiting after this long, even though the code is still valid. @default until the code expires */
  timeoutMs?: number;
  /** Stops the wait (e.g. on Ctrl-C); the flow rejects with code `device_code_wait_aborted`. */
  signal?: AbortSignal;
  /** Receives the code as soon as it is issued, before any poll; awaited, so it may store the code first. */
  onVerification: (verification: DeviceCodeVerification) => void | Promise<void>;
  /** Receives every step of the wait. */
  onProgress?: (progress: DeviceCodeProgress) => void;
  /** @internal For tests. */
  clock?: DeviceCodeClock;
}

export interface DeviceCodeLoginResult extends DeviceCodeVerification {
  /** Whether the customer signed in; false when `wait` was false. */
  authenticated: boolean;
  /** When the sign-in was seen. */
  signedInAt?: Date;
  /** Polls of POST /vN/DeviceCode/check sent. */
  polls: number;
}
