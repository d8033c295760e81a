/** `Did you mean "x"?` for near misses (case or one typo), or "" when nothing is close. */
export function didYouMean(input: unknown, candidates: readonly string[]): string {
  if (typeof input !== "string") return "";
  const lowered = input.toLowerCase();
  const match =
    candidates.find((candidate) => candidate.toLowerCase() === lowered) ??
    candidates.find((candidate) => editDistance(candidate.toLowerCase(), lowered) <= 2);
  return match === undefined ? "" : ` Did you mean ${JSON.stringify(match)}?`;
}

/** Levenshtein distance: names are short, so the quadratic table is fine. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
