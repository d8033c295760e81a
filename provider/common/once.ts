/**
 * A value built on its first use and kept for the life of the process. The zod schemas are made
 * this way: zod 4 compiles a parser for each schema it builds, which costs more than the parses
 * themselves, and a 100-tenant `up` built them afresh on every call (0.5 s of CPU and 25 MB of
 * garbage in the provider process, measured with the V8 CPU and sampling heap profilers).
 *
 * Holding them at module scope is safe because provider code is `require`d by the provider
 * process (runtime/index.ts); it is never closure-serialized into state.
 */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
