/**
 * The emulator's notion of "now". Tests move it forward instead of sleeping, so expiry of tokens,
 * device codes and auto-approval delays can be exercised in milliseconds.
 */
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
