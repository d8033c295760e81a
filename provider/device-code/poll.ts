import { isTransient, Vb365ApiError } from "../client/errors";
import { Vb365DeviceCodeError } from "./errors";
import type { DeviceCodeClient, DeviceCodeClock, DeviceCodeProgress, DeviceCodeVerification } from "./types";

export interface WaitOptions {
  pollIntervalMs: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DeviceCodeProgress) => void;
  clock: DeviceCodeClock;
}

export interface SignIn {
  signedInAt: Date;
  polls: number;
}

/** RFC 8628 §3.5: a client told to slow down adds 5 seconds to its interval, for good. */
const SLOW_DOWN_STEP_MS = 5_000;

/**
 * Polls that may fail in a row for passing reasons (after the transport's own retries) before
 * the wait gives up: a VB365 restart should not cost the customer their sign-in.
 */
const MAX_TRANSIENT_FAILURES = 3;

/**
 * Polls POST /vN/DeviceCode/check until the customer signed in, following RFC 8628 §3.4–3.5
 * (https://www.rfc-editor.org/rfc/rfc8628#section-3.4) where VB365 allows: VB365 answers
 * `{authenticated}` instead of OAuth's `authorization_pending`, and a 429 stands in for
 * `slow_down`. Stops at the code's expiry, at `timeoutMs`, or when `signal` aborts.
 */
export async function waitForSignIn(client: DeviceCodeClient, code: DeviceCodeVerification, options: WaitOptions): Promise<SignIn> {
  const { clock, signal } = options;
  const expiresAt = code.expiresAt.getTime();
  const startedAt = clock.now();
  const timeoutAt = options.timeoutMs === undefined ? Infinity : startedAt + options.timeoutMs;
  let intervalMs = options.pollIntervalMs;
  let polls = 0;
  let failures = 0;

  const report = (progress: Omit<DeviceCodeProgress, "attempt" | "intervalMs" | "remainingMs">) =>
    options.onProgress?.({ attempt: polls, intervalMs, remainingMs: Math.max(0, expiresAt - clock.now()), ...progress });

  // §3.4: the client waits `interval` before each poll, the first one included.
  let nextPollAt = startedAt + intervalMs;
  for (;;) {
    await pause(clock, Math.min(nextPollAt, expiresAt, timeoutAt) - clock.now(), signal, code.expiresAt);
    const now = clock.now();
    // §3.5: once the code has expired, polling cannot succeed any more.
    if (now >= expiresAt) throw Vb365DeviceCodeError.expired(code.expiresAt);
    if (now >= timeoutAt) throw Vb365DeviceCodeError.timedOut(options.timeoutMs!, code.expiresAt);
    if (now < nextPollAt) continue;

    polls++;
    let authenticated: boolean;
    try {
      authenticated = await client.isDeviceCodeAuthenticated(code.userCode);
      failures = 0;
    } catch (error) {
      if (isExpiry(error, clock.now(), expiresAt)) throw Vb365DeviceCodeError.expired(code.expiresAt, error);
      if (isSlowDown(error)) {
        intervalMs += SLOW_DOWN_STEP_MS;
        nextPollAt = clock.now() + Math.max(intervalMs, error.retryAfterMs ?? 0);
        report({ kind: "slow_down", nextPollInMs: nextPollAt - clock.now(), error });
        continue;
      }
      if (isTransient(error) && ++failures <= MAX_TRANSIENT_FAILURES) {
        nextPollAt = clock.now() + intervalMs;
        report({ kind: "retrying", nextPollInMs: intervalMs, error });
        continue;
      }
      throw error;
    }
    if (signal?.aborted) throw Vb365DeviceCodeError.aborted(code.expiresAt);
    if (authenticated) {
      report({ kind: "signed_in" });
      return { signedInAt: new Date(clock.now()), polls };
    }
    nextPollAt = clock.now() + intervalMs;
    report({ kind: "pending", nextPollInMs: intervalMs });
  }
}

async function pause(clock: DeviceCodeClock, ms: number, signal: AbortSignal | undefined, expiresAt: Date): Promise<void> {
  if (signal?.aborted) throw Vb365DeviceCodeError.aborted(expiresAt);
  if (ms <= 0) return;
  try {
    await clock.sleep(ms, signal);
  } catch (error) {
    if (signal?.aborted) throw Vb365DeviceCodeError.aborted(expiresAt);
    throw error;
  }
}

/**
 * Whether a failed check means the code expired. VB365's answer for an expired code is not
 * documented (vb365-api.md §3.2); a 400 that says so, or any 400 once the deadline has passed,
 * is taken as expiry. Other 400s (an unknown code, say) are reported as they are.
 */
function isExpiry(error: unknown, now: number, expiresAt: number): boolean {
  if (!(error instanceof Vb365ApiError) || error.status !== 400) return false;
  return /expired/i.test(error.veeamMessage ?? "") || now >= expiresAt;
}

function isSlowDown(error: unknown): error is Vb365ApiError {
  return error instanceof Vb365ApiError && error.status === 429;
}
