/** The Pulumi CLI is missing, or reading or writing the stack's config failed (exit code 8). */
export class PulumiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PulumiError";
  }
}

/** `pulumi up` ran after the sign-in and failed (exit code 9). */
export class PulumiUpError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "PulumiUpError";
  }
}
