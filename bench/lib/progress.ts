import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

interface Saved {
  sessions: number;
  /** Wall time of the sessions before this one. */
  earlierMs: number;
  /** The 1-minute load average when the first session started. */
  firstLoadAverage: number;
  parts: Record<string, unknown>;
}

/**
 * A long run's finished parts, written to a file under the temp dir as each one finishes, so that
 * a run stopped from outside (the machine is shared) picks up where it was with BENCH_RESUME=1
 * instead of measuring everything again. Without BENCH_RESUME=1 a run starts afresh.
 */
export class Progress {
  private readonly startedAt = Date.now();

  private constructor(
    private readonly file: string,
    private readonly saved: Saved,
  ) {}

  static open(name: string): Progress {
    const file = path.join(os.tmpdir(), `vb365-bench-${name}-progress.json`);
    const resumed = process.env.BENCH_RESUME === "1" && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Saved) : undefined;
    const saved: Saved = resumed ? { ...resumed, sessions: resumed.sessions + 1 } : { sessions: 1, earlierMs: 0, firstLoadAverage: os.loadavg()[0]!, parts: {} };
    if (resumed) console.log(`[bench] resuming from ${file}: ${Object.keys(saved.parts).length} part(s) already measured`);
    return new Progress(file, saved);
  }

  /** The part's figures: measured now, or as an earlier session of this run measured them. */
  async part<T>(key: string, measure: () => Promise<T>): Promise<T> {
    if (key in this.saved.parts) return this.saved.parts[key] as T;
    const figures = await measure();
    this.saved.parts[key] = figures;
    fs.writeFileSync(this.file, JSON.stringify({ ...this.saved, earlierMs: this.saved.earlierMs + (Date.now() - this.startedAt) }));
    return figures;
  }

  /** How many sessions the run took, the wall time of them all, the load when it began. */
  summary(): { sessions: number; elapsedMs: number; firstLoadAverage: number } {
    return { sessions: this.saved.sessions, elapsedMs: this.saved.earlierMs + (Date.now() - this.startedAt), firstLoadAverage: this.saved.firstLoadAverage };
  }
}
