import { formatDuration, formatUtc, type DeviceCodeLoginResult, type DeviceCodeVerification } from "../../provider/device-code";

/**
 * The sign-in instructions, written to be pasted into an e-mail or ticket to the customer as
 * they are: no jargon, the URL and code on lines of their own, the deadline in UTC.
 */
export function customerInstructions(verification: DeviceCodeVerification, now: number): string {
  const left = verification.expiresAt.getTime() - now;
  return [
    "To connect your Microsoft 365 organization to Veeam Backup for Microsoft 365, a Global",
    "Administrator of your organization needs to sign in once:",
    "",
    `  1. Open ${verification.verificationUrl} in a web browser.`,
    `  2. Enter the code: ${verification.userCode}`,
    "  3. Sign in with a Global Administrator account and accept the request.",
    "",
    `The code is valid until ${formatUtc(verification.expiresAt)} (${formatDuration(left)} from now).`,
    "",
  ].join("\n");
}

/** The single JSON object of --json; `error` is added on failure. */
export interface JsonReport {
  userCode?: string;
  verificationUrl?: string;
  message?: string;
  region?: string;
  issuedAt?: string;
  expiresAt?: string;
  expiresIn?: number;
  authenticated: boolean;
  signedInAt?: string;
  stack?: string;
  configKey?: string;
  configWritten?: boolean;
  pulumiUp?: "succeeded" | "failed";
  /** The tenant whose certificate rotation the code is for (rotation.ts). */
  rotation?: { tenant: string; organization?: string; thumbprint?: string };
  error?: { code: string; exitCode: number; message: string; hint?: string };
}

export function jsonReport(verification: DeviceCodeVerification | undefined, result: DeviceCodeLoginResult | undefined): JsonReport {
  if (!verification) return { authenticated: false };
  return {
    userCode: verification.userCode,
    verificationUrl: verification.verificationUrl,
    message: verification.message,
    region: verification.region,
    issuedAt: verification.issuedAt.toISOString(),
    expiresAt: verification.expiresAt.toISOString(),
    expiresIn: verification.expiresInSeconds,
    authenticated: result?.authenticated ?? false,
    signedInAt: result?.signedInAt?.toISOString(),
  };
}
