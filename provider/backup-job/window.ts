import type { WindowSpan } from "./types";

/**
 * A window's spans and VB365's RESTBackupWindowSettings.backupWindow, both ways: 168 booleans,
 * 7 days of 24 hours starting on Sunday 00:00 (SPEC7/8), true where a run is allowed.
 */

export const HOURS_IN_WEEK = 168;

/** The days in backupWindow's order: Sunday first. */
const WEEK = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The names of several days, as dailyType has them; a set of days not among them is a list. */
const GROUPS: ReadonlyArray<readonly [WindowSpan["days"], readonly number[]]> = [
  ["Everyday", [0, 1, 2, 3, 4, 5, 6]],
  ["Workdays", [1, 2, 3, 4, 5]],
  ["Weekends", [0, 6]],
];

/** The 168 hours `allowed` lets a run in. A span ends where `to` says, or past midnight on the next day. */
export function compileWindow(allowed: readonly WindowSpan[]): boolean[] {
  const hours = new Array<boolean>(HOURS_IN_WEEK).fill(false);
  for (const span of allowed) {
    const from = hourOf(span.from);
    const to = hourOf(span.to);
    const length = to > from ? to - from : to + 24 - from;
    for (const day of daysOf(span.days)) {
      // Modulo the week: Saturday's night runs into Sunday's morning, the week repeating.
      for (let hour = 0; hour < length; hour += 1) hours[(day * 24 + from + hour) % HOURS_IN_WEEK] = true;
    }
  }
  return hours;
}

/**
 * Spans that compile to `hours`, one per run of allowed hours within a day, days with the same
 * runs named together. Many declarations give the same hours, so this is one of them, not
 * necessarily the one that was written: state.ts keeps the declared spans while they still match.
 */
export function decompileWindow(hours: readonly boolean[]): WindowSpan[] {
  const daysByRuns = new Map<string, number[]>();
  for (let day = 0; day < WEEK.length; day += 1) {
    const runs = runsOf(hours.slice(day * 24, day * 24 + 24));
    if (runs.length === 0) continue;
    const key = runs.map(([from, to]) => `${from}-${to}`).join(",");
    daysByRuns.set(key, [...(daysByRuns.get(key) ?? []), day]);
  }
  const spans: WindowSpan[] = [];
  for (const [key, days] of daysByRuns) {
    for (const run of key.split(",")) {
      const [from, to] = run.split("-").map(Number) as [number, number];
      spans.push({ days: nameOf(days), from: clock(from), to: clock(to) });
    }
  }
  return spans;
}

/** True when `hours` is a window as the spec describes it: 168 booleans. */
export function isWeek(hours: unknown): hours is boolean[] {
  return Array.isArray(hours) && hours.length === HOURS_IN_WEEK && hours.every((hour) => typeof hour === "boolean");
}

function hourOf(time: string): number {
  return Number(time.slice(0, 2));
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

function daysOf(days: WindowSpan["days"]): number[] {
  const names: readonly string[] = Array.isArray(days) ? days : [days];
  return [...new Set(names.flatMap((name) => GROUPS.find(([group]) => group === name)?.[1] ?? [WEEK.indexOf(name as (typeof WEEK)[number])]))];
}

function nameOf(days: readonly number[]): WindowSpan["days"] {
  const group = GROUPS.find(([, members]) => members.length === days.length && members.every((day) => days.includes(day)));
  if (group) return group[0];
  return days.length === 1 ? WEEK[days[0]!]! : days.map((day) => WEEK[day]!);
}

/** [from, to) hours of each run of true in one day's 24 hours, to being 24 at midnight. */
function runsOf(day: readonly boolean[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let hour = 0; hour < day.length; hour += 1) {
    if (!day[hour]) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === hour) last[1] = hour + 1;
    else runs.push([hour, hour + 1]);
  }
  return runs;
}
