import { round } from "../lib/stats";

/**
 * The k in t ∝ N^k between two sizes: log(t2 / t1) / log(N2 / N1). 1 is linear; the engine's
 * rewrite of the whole checkpoint after every step pushes it towards 2.
 */
export function growthExponent(tenants1: number, ms1: number, tenants2: number, ms2: number): number {
  return round(Math.log(ms2 / ms1) / Math.log(tenants2 / tenants1));
}
