import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

interface Saved {
  sessions: number;
  /** Wall time of the sessions before this one. */
  earlierMs: number;
  /** The 1-minute load average when the first session started. */
  firstLoadAverage: number;
  /** The commit the first session measured (results-file.ts revision()); absent in older files. */
  revision?: string;
  parts: Record<string, unknown>;
}

/**
 * A long run's finished parts, written to a file under the temp dir as each one finishes, so that
 * a run stopped from outside (the machine is shared) picks up where it was with BENCH_RESUME=1
 * instead of measuring everything again. Without BENCH_RESUME=1 a run starts afresh.
 */
export class Progress {
  private readonly startedAt = Date.now();
  private measuredHere = false;

  private constructor(
    private readonly file: string,
    private readonly saved: Saved,
    private readonly resumed: boolean,
  ) {}

  /** `revision`: the commit being measured, kept for a later session that may run on another. */
  static open(name: string, revision: string): Progress {
    const file = path.join(os.tmpdir(), `vb365-bench-${name}-progress.json`);
    const resumed = process.env.BENCH_RESUME === "1" && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Saved) : undefined;
    const saved: Saved = resumed ?? { sessions: 1, earlierMs: 0, firstLoadAverage: os.loadavg()[0]!, revision, parts: {} };
    if (resumed) console.log(`[bench] resuming from ${file}: ${Object.keys(saved.parts).length} part(s) already measured`);
    return new Progress(file, saved, resumed !== undefined);
  }

  /** The part's figures: measured now, or as an earlier session of this run measured them. */
  async part<T>(key: string, measure: () => Promise<T>): Promise<T> {
    if (key in this.saved.parts) return this.saved.parts[key] as T;
    // A resumed session counts once it measures: one that only publishes what is kept adds none.
    if (this.resumed && !this.measuredHere) this.saved.sessions += 1;
    this.measuredHere = true;
    const figures = await measure();
    this.saved.parts[key] = figures;
    fs.writeFileSync(this.file, JSON.stringify({ ...this.saved, earlierMs: this.saved.earlierMs + (Date.now() - this.startedAt) }));
    return figures;
  }

  /**
   * How many sessions measured, the wall time of them all (of a session that measured nothing,
   * none), the load when the run began and the commit it measured.
   */
  summary(): { sessions: number; elapsedMs: number; firstLoadAverage: number; revision?: string } {
    const thisSessionMs = this.measuredHere || !this.resumed ? Date.now() - this.startedAt : 0;
    return { sessions: this.saved.sessions, elapsedMs: this.saved.earlierMs + thisSessionMs, firstLoadAverage: this.saved.firstLoadAverage, revision: this.saved.revision };
  }
}
