/**
 * Runs `jobs` at most `concurrency` at a time, in order, as a CI system with that many runners
 * would; resolves with their results in the jobs' order.
 */
export async function inPool<T>(jobs: ReadonlyArray<() => Promise<T>>, concurrency: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, runner));
  return results;
}
