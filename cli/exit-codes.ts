/**
 * Exit codes of `vb365`, stable for scripts and pipelines (documented in docs/device-code.md).
 * 2 follows the shell convention for usage errors, 130 that for Ctrl-C.
 */
export const EXIT = {
  ok: 0,
  /** Anything not covered below, e.g. VB365 answered with an unexpected error. */
  failed: 1,
  /** Bad input: bad flags, a file a flag names that is not what it must be (a tenants file), or missing or invalid connection settings. */
  usage: 2,
  /** VB365 refused the user name or password (or the account's rights). */
  credentials: 3,
  /** The VB365 server cannot be reached: refused, unknown host, timed out, connection reset. */
  unreachable: 4,
  /** The server's TLS certificate is not trusted. */
  tls: 5,
  /** The device code expired before anybody signed in with it. */
  expired: 6,
  /** --timeout passed before anybody signed in (the code may still be valid). */
  timeout: 7,
  /** The Pulumi CLI is missing, or reading or writing the stack's config failed. */
  pulumi: 8,
  /** `pulumi up` (--up) failed after the sign-in. */
  up: 9,
  /** Interrupted (Ctrl-C, SIGINT or SIGTERM). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
