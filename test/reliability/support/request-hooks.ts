import type { RequestLogEntry } from "../../../emulator";

type Hook = (entry: RequestLogEntry) => void;

/**
 * Actions taken as the emulator records requests, for what the fault spec cannot express:
 * "expire every token after the 5th organization was created", "interrupt the CLI after the
 * 3rd". Handed to startEmulator as `onRequest`, which runs before the next request is handled.
 */
export class RequestHooks {
  private hooks: Hook[] = [];

  readonly onRequest = (entry: RequestLogEntry): void => {
    for (const hook of [...this.hooks]) hook(entry);
  };

  /**
   * Runs `action` once, right after the `nth` request (counted from now) of `kind`, or matching
   * the predicate, was answered.
   */
  after(match: string | ((entry: RequestLogEntry) => boolean), nth: number, action: () => void): void {
    let seen = 0;
    const matches = typeof match === "string" ? (entry: RequestLogEntry) => entry.kind === match : match;
    const hook: Hook = (entry) => {
      if (!matches(entry) || ++seen < nth) return;
      this.hooks = this.hooks.filter((other) => other !== hook);
      action();
    };
    this.hooks.push(hook);
  }

  clear(): void {
    this.hooks = [];
  }
}
