import { engineSection } from "./engine-section";
import { headlineSection } from "./headline-section";
import { refreshSection } from "./refresh-section";
import { scaleSection } from "./scale-section";
import { table } from "./table";
import type { BenchResults } from "./types";

/** docs/benchmarks.md, rendered from bench/results.json as a whole (each part names the run that measured it). */
export function renderReport(results: BenchResults): string {
  return [
    `# Benchmarks`,
    `Rendered from bench/results.json by \`npm run bench\` and \`npm run bench:scale\` (\`BENCH_ONLY=refresh\` for the refresh counts); each part below names the run that measured it. Figures are measured on a machine other work shares, so each part also gives the load average at its start and end.`,
    goalsSection(results),
    results.headline ? headlineSection(results.headline, results) : "",
    results.sizes ? engineSection(results) : "",
    results.scale ? scaleSection(results) : "",
    results.refreshCounts ? refreshSection(results.refreshCounts) : "",
  ]
    .filter(Boolean)
    .join("\n\n")
    .concat("\n");
}

// Figures whose goal is a count that must not be exceeded, or a ratio or size at most the goal.
const EXACT = new Set(["tokensPerUp", "requestsPerNoChangePreview"]);

function goalsSection(results: BenchResults): string {
  const goals = Object.entries(results.goals ?? {}).filter(([key]) => typeof results[key] === "number");
  const rows = goals.map(([key, goal]) => {
    const value = results[key] as number;
    return [key, value, `${EXACT.has(key) ? "" : "<= "}${goal}`, value <= goal ? "yes" : "no"];
  });
  return `## Goals\n\n${table(["figure", "value", "goal", "met"], rows)}`;
}
