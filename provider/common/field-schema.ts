import { z } from "zod";
import type { Field } from "./definition";

/** A field's type as JSON Schema, for the documentation and the package schema. */
export type JsonSchema = { type?: string; enum?: unknown[]; const?: unknown; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; properties?: Record<string, JsonSchema> };

/**
 * The JSON Schema of a field's values: what check outputs, or, where zod cannot say it of a
 * transform (a PFX with its whitespace removed), what the field accepts.
 */
export function jsonSchemaOf(field: Field): JsonSchema {
  const output = withoutDialect(z.toJSONSchema(field.schema(), { io: "output", unrepresentable: "any" }));
  if (Object.keys(output).length > 0) return output;
  return inputSchemaOf(field);
}

/** The JSON Schema of what a field accepts: what a program declares, as the package schema types it. */
export function inputSchemaOf(field: Field): JsonSchema {
  return withoutDialect(z.toJSONSchema(field.schema(), { io: "input", unrepresentable: "any" }));
}

function withoutDialect(schema: Record<string, unknown>): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest as JsonSchema;
}

/** The type in a few words, for a table: `boolean`, `"3des" \| "aes256"`, `integer 1–36500`. */
export function typeInWords(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" \\| ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === "integer" && schema.minimum !== undefined) return `integer ${schema.minimum}–${schema.maximum}`;
  if (schema.type === "string" && schema.maxLength !== undefined) return `string (≤ ${schema.maxLength})`;
  return schema.type ?? "any";
}
