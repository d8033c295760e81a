import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { didYouMean } from "./did-you-mean";

/**
 * During preview the engine sends inputs it cannot know yet as this sentinel string, whatever
 * the declared type (pulumi/pulumi#6310). Validation must let it through untouched.
 */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN_SENTINEL;
}

/** True when any value inside `value` (recursively) is still unknown at preview. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** `a.b[0].c`, the way Pulumi users write property paths. */
export function propertyPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

/**
 * Maps zod issues to Pulumi check failures. Issues whose input is the unknown sentinel are
 * dropped: the value will be validated again once it is known.
 */
export function toCheckFailures(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  inputs: unknown,
): pulumi.dynamic.CheckFailure[] {
  return issues
    .filter((issue) => !isUnknown(valueAt(inputs, issue.path)))
    .map((issue) => ({
      property: propertyPath(issue.path) || "(inputs)",
      reason: issue.message,
    }));
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (isUnknown(current)) return current;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Replaces every unknown sentinel (at any depth) with undefined so that a schema treats it as
 * "not given yet"; `containsUnknown` on the original tells the caller to skip cross-field rules.
 */
export function withoutUnknowns<T>(value: T): T {
  if (isUnknown(value)) return undefined as T;
  if (Array.isArray(value)) return value.map(withoutUnknowns) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, withoutUnknowns(inner)]),
    ) as T;
  }
  return value;
}

/** One failure per unknown key, named by its own path, and the rest as zod reports them. */
export function structuralFailures(issues: ReadonlyArray<z.core.$ZodIssue>, raw: unknown, resource: string, knownInputs: (path: ReadonlyArray<PropertyKey>, raw: unknown) => string[]): pulumi.dynamic.CheckFailure[] {
  const failures: pulumi.dynamic.CheckFailure[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownInputs(issue.path, raw);
      const what = issue.path.length === 0 ? `an input of ${resource}` : `a setting of ${propertyPath(issue.path)}`;
      for (const key of issue.keys) {
        const property = propertyPath([...issue.path, key]);
        failures.push({ property, reason: `${property} is not ${what}; valid ones are ${known.join(", ")}.${didYouMean(key, known)}` });
      }
    } else {
      failures.push(...toCheckFailures([issue], raw).map((f) => ({ ...f, reason: `${f.property} ${f.reason}.`.replace(/\.\.$/, ".") })));
    }
  }
  return failures;
}

/** Puts the preview sentinel back wherever the program's value was still unknown. */
export function restoreUnknowns(normalised: unknown, raw: unknown): unknown {
  if (isUnknown(raw)) return UNKNOWN_SENTINEL;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return normalised;
  const result: Record<string, unknown> = { ...((normalised as Record<string, unknown> | undefined) ?? {}) };
  for (const [key, value] of Object.entries(raw)) {
    if (containsUnknown(value)) result[key] = restoreUnknowns(result[key], value);
  }
  return result;
}

/**
 * The `type` of the list entry at `path` ([list, index]) of the raw inputs, for messages that list
 * the settings of that kind of entry; undefined anywhere else.
 */
export function typeOfListEntry(path: ReadonlyArray<PropertyKey>, raw: unknown): { type: unknown } | undefined {
  const [list, index] = path;
  const entries = (raw as Record<string, unknown> | undefined)?.[String(list)];
  if (path.length !== 2 || !Array.isArray(entries) || typeof index !== "number") return undefined;
  return { type: (entries[index] as { type?: unknown } | undefined)?.type };
}
