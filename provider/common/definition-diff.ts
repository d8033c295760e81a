import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "./check";
import { type FieldMeta, type Fields, namesWhere } from "./definition";

/**
 * The diff a definition gives, for resources whose every input is compared as declared: a change
 * of a `replace` input replaces, of an `update` input updates in place, of a `createOnly` one
 * does nothing; a value left out counts as its default.
 */
export function diffByDefinition(fields: Fields, olds: object, news: object): pulumi.dynamic.DiffResult {
  const before = olds as Record<string, unknown>;
  const after = news as Record<string, unknown>;
  const differs = (key: string) => changed(before[key], after[key], fields[key]);
  const replaces = namesWhere(fields, (candidate) => candidate.change === "replace").filter(differs);
  const updates = namesWhere(fields, (candidate) => candidate.change === "update").filter(differs);
  return { changes: replaces.length > 0 || updates.length > 0, replaces };
}

function changed(before: unknown, after: unknown, field: FieldMeta): boolean {
  if (isUnknown(after)) return true;
  return JSON.stringify(before ?? field.default ?? null) !== JSON.stringify(after ?? field.default ?? null);
}
