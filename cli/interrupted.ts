/** The person pressed Ctrl-C; reported with exit code 130 like any shell command. */
export class InterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InterruptedError";
  }
}
