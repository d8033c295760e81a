import { formatDuration, formatUtc, type DeviceCodeProgress } from "../../provider/device-code";

export interface DisplayStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** How often the quiet form (logs, CI) says it is still waiting. */
const QUIET_EVERY_MS = 60_000;

/**
 * Shows the wait for the sign-in: on a terminal, one line rewritten every second with the time
 * left; elsewhere (CI logs, files) a line a minute, plus one per notable event.
 */
export class WaitDisplay {
  private ticker?: NodeJS.Timeout;
  private lastQuietLineAt = 0;
  private readonly live: boolean;

  constructor(
    private readonly stream: DisplayStream,
    private readonly expiresAt: Date,
    private readonly now: () => number = Date.now,
  ) {
    this.live = stream.isTTY === true;
  }

  start(): void {
    if (this.live) {
      this.draw();
      this.ticker = setInterval(() => this.draw(), 1000);
    } else {
      this.lastQuietLineAt = this.now();
      this.stream.write(`Waiting for the customer to sign in; the code is valid until ${formatUtc(this.expiresAt)} (${formatDuration(this.left())} left).\n`);
    }
  }

  progress(step: DeviceCodeProgress): void {
    switch (step.kind) {
      case "pending":
        if (!this.live && this.now() - this.lastQuietLineAt >= QUIET_EVERY_MS) this.line(`Still waiting for the sign-in: ${formatDuration(this.left())} left.`);
        return;
      case "slow_down":
        this.line(`VB365 asked for fewer requests; checking every ${formatDuration(step.intervalMs)} from now on.`);
        return;
      case "retrying":
        this.line(`Checking the sign-in failed (${step.error?.message ?? "unknown error"}); trying again in ${formatDuration(step.nextPollInMs ?? step.intervalMs)}.`);
        return;
      case "signed_in":
        this.stop();
        this.stream.write(`Signed in. The code can be used until ${formatUtc(this.expiresAt)} (${formatDuration(this.left())} left).\n`);
        return;
    }
  }

  /** Stops the live line, leaving the terminal on a fresh line. Safe to call twice. */
  stop(): void {
    if (this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
      this.stream.write("\r\x1b[2K");
    }
  }

  private line(text: string): void {
    if (this.live) this.stream.write("\r\x1b[2K");
    this.stream.write(`${text}\n`);
    this.lastQuietLineAt = this.now();
    if (this.live) this.draw();
  }

  private draw(): void {
    this.stream.write(`\r\x1b[2KWaiting for the customer to sign in… ${countdown(this.left())} left (Ctrl-C stops waiting)`);
  }

  private left(): number {
    return Math.max(0, this.expiresAt.getTime() - this.now());
  }
}

/** "14:05", "1:02:03": what a countdown clock shows. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
