import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, it } from "mocha";
import { Progress } from "../../../bench/lib/progress";

describe("a long bench run's progress", () => {
  const name = `unit-${process.pid}`;
  const file = path.join(os.tmpdir(), `vb365-bench-${name}-progress.json`);
  let resume: string | undefined;

  beforeEach(() => {
    resume = process.env.BENCH_RESUME;
    fs.rmSync(file, { force: true });
  });
  afterEach(() => {
    if (resume === undefined) delete process.env.BENCH_RESUME;
    else process.env.BENCH_RESUME = resume;
    fs.rmSync(file, { force: true });
  });

  async function firstSession(): Promise<void> {
    delete process.env.BENCH_RESUME;
    const progress = Progress.open(name, "aaaaaaa");
    expect(await progress.part("single-100", async () => ({ up: 1 }))).to.deep.equal({ up: 1 });
  }

  it("keeps the commit the first session measured for a session that only publishes, which adds no session and no time", async () => {
    await firstSession();
    const saved = JSON.parse(fs.readFileSync(file, "utf8")) as { earlierMs: number };
    process.env.BENCH_RESUME = "1";
    const resumed = Progress.open(name, "bbbbbbb");
    let measured = false;
    const figures = await resumed.part("single-100", async () => {
      measured = true;
      return { up: 2 };
    });
    expect(measured).to.equal(false);
    expect(figures).to.deep.equal({ up: 1 });
    const summary = resumed.summary();
    expect(summary.sessions).to.equal(1);
    expect(summary.revision).to.equal("aaaaaaa");
    expect(summary.elapsedMs).to.equal(saved.earlierMs);
  });

  it("counts a resumed session that measures a part the first one did not finish", async () => {
    await firstSession();
    process.env.BENCH_RESUME = "1";
    const resumed = Progress.open(name, "aaaaaaa");
    await resumed.part("single-100", async () => ({ up: 2 }));
    await resumed.part("single-500", async () => ({ up: 5 }));
    await resumed.part("single-1000", async () => ({ up: 10 }));
    expect(resumed.summary().sessions).to.equal(2);
  });

  it("starts afresh without BENCH_RESUME=1, with the commit it is given", async () => {
    await firstSession();
    delete process.env.BENCH_RESUME;
    const fresh = Progress.open(name, "ccccccc");
    expect(await fresh.part("single-100", async () => ({ up: 3 }))).to.deep.equal({ up: 3 });
    expect(fresh.summary()).to.include({ sessions: 1, revision: "ccccccc" });
  });
});
