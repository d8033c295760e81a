/**
 * Values cross the gRPC boundary as protobuf Structs: `undefined` makes the whole call fail
 * with "Unexpected struct type." and Dates silently become `{}`. This keeps only JSON values.
 */
export function toPlainOutputs<T extends object>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_key, inner) => (inner instanceof Date ? inner.toISOString() : inner)));
}
