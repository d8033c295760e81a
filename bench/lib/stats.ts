export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

// Three decimals: a ratio just over a goal (1.204) must not read as meeting it (1.2).
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
