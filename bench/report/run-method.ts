import type { RunMethod } from "./types";

/** One line saying which run measured a part, on what, and under what load. */
export function describeRun(command: string, method: RunMethod): string {
  const load = method.loadAverageAtStart === undefined ? "" : `; load average ${method.loadAverageAtStart} at the start and ${method.loadAverageAtEnd} at the end`;
  return `\`${command}\`${method.quick ? " (BENCH_QUICK=1)" : ""}${method.revision ? ` on ${method.revision}` : ""}, ${method.date}, ${method.machine}${load}; the run took ${method.durationSeconds} s${(method.sessions ?? 1) > 1 ? ` over ${method.sessions} sessions (stopped from outside and resumed; the time of a part cut short is not counted)` : ""}`;
}
