import { z } from "zod";

/**
 * What a change of an input does once the resource exists: another resource (`replace`), a
 * change the server takes in place (`update`), or nothing, because the server uses the input
 * only when the resource is created (`createOnly`).
 */
export type Change = "replace" | "update" | "createOnly";

/** Everything the provider knows about one field besides its schema. */
export interface FieldMeta {
  /** For the documentation and the package schema. */
  description: string;
  /** Inputs only; outputs the server assigns have none. */
  change?: Change;
  /** A credential: made secret by the resource and never printed. */
  secret?: boolean;
  /** The value check fills in when the program gives none. */
  default?: unknown;
  /** What the server takes the field for when it is left out and has no default. */
  absentMeans?: unknown;
  /** The server reports it back, so refresh takes the server's value and drift shows. */
  reported?: boolean;
  /** false: kept out of the outputs (what the state stores), e.g. a PFX that is judged by thumbprint. */
  inState?: boolean;
  /** false: a change of it alone is no change (a password, or a value judged by another field). */
  compared?: boolean;
  /** false: the provider's own input, never sent to the server. */
  sent?: boolean;
  /** Left out, the resource's own name (a job's or role's name in VB365). */
  namedAfterResource?: boolean;
  /** Left out, the current value stays (e.g. a password the provider generated). */
  keptWhenAbsent?: boolean;
  /** The nested fields of an object-valued field. */
  fields?: Fields;
}

/**
 * One field: its zod schema, built on first use (zod compiles a parser per schema, which the
 * program process, which only needs the metadata, should not pay for), and its metadata.
 */
export interface Field<S extends z.ZodType = z.ZodType> extends FieldMeta {
  schema: () => S;
}

export type Fields = Readonly<Record<string, Field>>;

/** The plain values of an object of `F`, as check's schema outputs them: every field optional. */
export type ValuesOf<F extends Fields> = { -readonly [K in keyof F]?: z.output<ReturnType<F[K]["schema"]>> };

/** The names of the fields of `F` that the state does not keep (inState: false). */
export type NotInState<F extends Fields> = { [K in keyof F]: F[K] extends { inState: false } ? K : never }[keyof F];

export function field<S extends z.ZodType>(schema: () => S, meta: FieldMeta): Field<S> {
  return { schema, ...meta };
}

/** The names of the fields that `test` holds for, in declaration order. */
export function namesWhere<F extends Fields>(fields: F, test: (field: Field) => boolean): Array<keyof F & string> {
  return Object.entries(fields)
    .filter(([, candidate]) => test(candidate))
    .map(([name]) => name as keyof F & string);
}

/** `values` with the default of each field of `fields` that is undefined there. */
export function withDefaultsOf<T extends object>(fields: Fields, values: T): T {
  const result: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  for (const [name, candidate] of Object.entries(fields)) {
    if (candidate.default !== undefined && result[name] === undefined) result[name] = candidate.default;
  }
  return result as T;
}

/**
 * The strict zod object of `fields`, every field optional (rules decide what is required
 * together); `message` words the object's own issues (an unknown key, not an object).
 */
export function objectSchema<F extends Fields>(fields: F, message: (issue: z.core.$ZodRawIssue) => string | undefined) {
  // Object.fromEntries loses the keys; ShapeOf<F> is the same mapping at the type level, so zod
  // infers the values' type from the definition itself.
  const shape = Object.fromEntries(Object.entries(fields).map(([name, candidate]) => [name, candidate.schema().optional()])) as ShapeOf<F>;
  return z.strictObject(shape, { error: message });
}

type ShapeOf<F extends Fields> = { [K in keyof F]: z.ZodOptional<ReturnType<F[K]["schema"]>> };

/** `say`'s words for an object's unknown keys; zod's own for its other issues. */
export function unknownKeys(issue: z.core.$ZodRawIssue, say: (keys: string[]) => string): string | undefined {
  return issue.code === "unrecognized_keys" ? say(issue.keys) : undefined;
}

/** `values` without the fields kept out of the state (inState: false), nested fields included. */
export function stateOf(fields: Fields, values: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const known = fields[name];
    if (known?.inState === false) continue;
    kept[name] = known?.fields && value && typeof value === "object" && !Array.isArray(value) ? stateOf(known.fields, value as Record<string, unknown>) : value;
  }
  return kept;
}
