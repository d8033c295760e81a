import type { ExitCode } from "./exit-codes";

/**
 * A failure a command words itself (e.g. a tenants file it cannot merge into): reported as it is,
 * with its own exit code and hint, like the failures describeFailure knows.
 */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CommandError";
  }
}
