import * as v8 from "node:v8";

/** The V8 flag that keeps WebAssembly on its baseline compiler (Liftoff). */
export const BASELINE_FLAG = "--liftoff-only";

/**
 * The provider process's one WebAssembly module is undici's HTTP parser (llhttp). V8's
 * optimizing tier for it cost 15-25 MB of native memory once the first responses came in
 * (measured: /proc/self/smaps showed a new 36 MB malloc arena, gone with --liftoff-only; the
 * bench's providerPeakRssMb is taken with it on) and saved no measurable time on a few hundred
 * responses (300 POSTs: 102 ms optimized, 89 ms baseline). The flag applies to modules compiled
 * after it, hence before the first request. Should V8 drop the flag, setFlagsFromString ignores
 * it and the parser is compiled as by default: nothing breaks, only the memory comes back
 * (test/unit/runtime/wasm-baseline.test.ts fails then, to say so).
 */
export function keepWebAssemblyOnBaselineCompiler(): void {
  v8.setFlagsFromString(BASELINE_FLAG);
}
