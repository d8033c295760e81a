import { Vb365Error } from "../client/errors";

export type DeviceCodeErrorCode = "device_code_expired" | "device_code_wait_timeout" | "device_code_wait_aborted";

/**
 * The wait for the customer's sign-in ended without one. `expiresAt` says until when the code
 * could still be used (past for `device_code_expired`).
 */
export class Vb365DeviceCodeError extends Vb365Error {
  declare readonly code: DeviceCodeErrorCode;
  readonly expiresAt: Date;

  constructor(code: DeviceCodeErrorCode, message: string, expiresAt: Date, options?: { cause?: unknown }) {
    super(code, message, { ...options, name: "Vb365DeviceCodeError" });
    this.expiresAt = expiresAt;
  }

  static expired(expiresAt: Date, cause?: unknown): Vb365DeviceCodeError {
    return new Vb365DeviceCodeError(
      "device_code_expired",
      `The device code expired at ${formatUtc(expiresAt)} before anybody signed in with it. ` +
        "Request a new code and send it to the customer's Global Administrator.",
      expiresAt,
      { cause },
    );
  }

  static timedOut(timeoutMs: number, expiresAt: Date): Vb365DeviceCodeError {
    return new Vb365DeviceCodeError(
      "device_code_wait_timeout",
      `Nobody signed in with the device code within ${formatDuration(timeoutMs)}, the time allowed for the wait. ` +
        `The code itself stays valid until ${formatUtc(expiresAt)}.`,
      expiresAt,
    );
  }

  static aborted(expiresAt: Date): Vb365DeviceCodeError {
    return new Vb365DeviceCodeError(
      "device_code_wait_aborted",
      `Stopped waiting for the sign-in. The code stays valid until ${formatUtc(expiresAt)}.`,
      expiresAt,
    );
  }
}

/** "2025-11-21 20:47:05 UTC": unambiguous for a customer in another time zone. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "14 min 5 s", "45 s", "1 h 2 min": rounded down to whole seconds. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (seconds || parts.length === 0) parts.push(`${seconds} s`);
  return parts.join(" ");
}
