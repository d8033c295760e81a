import type { z } from "zod";
import { propertyPath } from "../provider/common/check";
import { fieldsAt } from "./tenants-schema";
import { editDistance } from "../provider/common/did-you-mean";

/** One thing wrong in a tenants file, at a path of the parsed YAML. */
export interface Problem {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/**
 * zod's issues in the words of a tenants file: "is required", "must be a number, not ...",
 * unknown fields with the nearest known one. zod's generic "Invalid input: ..." never reaches
 * the user; messages the schema sets itself pass through.
 */
export function problemsFromIssues(issues: ReadonlyArray<z.core.$ZodIssue>, raw: unknown): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const value = valueAt(raw, issue.path);
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => ({ path: [...issue.path, key], message: unknownField(key, issue.path, raw) }));
      case "invalid_type":
      case "invalid_union":
        if (value === undefined) return [{ path: issue.path, message: isGeneric(issue.message) ? "is required" : `is required: ${issue.message.replace(/^must be /, "")}` }];
        if (issue.code === "invalid_type" && isGeneric(issue.message)) return [{ path: issue.path, message: `must be ${expected(issue.expected)}, not ${describe(value)}` }];
        return [{ path: issue.path, message: issue.message }];
      case "too_small":
        return [{ path: issue.path, message: isGeneric(issue.message) ? bound("at least", issue.origin, issue.minimum) : issue.message }];
      case "too_big":
        return [{ path: issue.path, message: isGeneric(issue.message) ? bound("at most", issue.origin, issue.maximum) : issue.message }];
      default:
        return [{ path: issue.path, message: issue.message }];
    }
  });
}

/** zod's built-in messages start like this; the schema's own never do. */
function isGeneric(message: string): boolean {
  return /^(Invalid input|Too small|Too big|Invalid option)/.test(message);
}

function unknownField(key: string, at: ReadonlyArray<PropertyKey>, raw: unknown): string {
  const place = placeOf(at);
  if (!place) return "is not a known field";
  const kind = place === "authentication" ? (valueAt(raw, at) as { kind?: unknown } | undefined)?.kind : undefined;
  const known = fieldsAt(place, kind);
  const near = known.find((field) => editDistance(field.toLowerCase(), key.toLowerCase()) <= 2);
  const where = place === "file" ? "at the top of the file" : place === "tenant" ? "of a tenant" : `in ${place}`;
  return near ? `is not a field ${where}; did you mean "${near}"?` : `is not a field ${where} (known: ${known.join(", ")})`;
}

function placeOf(path: ReadonlyArray<PropertyKey>): Parameters<typeof fieldsAt>[0] | undefined {
  if (path.length === 0) return "file";
  if (path.length === 1 && path[0] === "defaults") return "defaults";
  if (path.length === 4 && path[0] === "tenants" && (path[2] === "backup" || path[2] === "restoreOperators")) return path[2];
  if (path.length === 2 && path[0] === "tenants") return "tenant";
  if (path.length === 3 && path[0] === "tenants") {
    const section = path[2];
    if (section === "services" || section === "certificate" || section === "certificateRegistration" || section === "authentication") return section;
  }
  return undefined;
}

function expected(type: string): string {
  if (type === "int") return "a whole number";
  if (type === "array") return "a list";
  if (type === "object") return "a mapping (key: value lines)";
  if (type === "boolean") return "true or false";
  return `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number" && !Number.isInteger(value)) return `${value}`;
  return `${typeof value === "string" ? "the text" : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

function bound(relation: string, origin: string, limit: number | bigint): string {
  if (origin === "string") return Number(limit) === 1 && relation === "at least" ? "must not be empty" : `must be ${relation} ${limit} characters`;
  if (origin === "array") return `must list ${relation} ${limit}`;
  return `must be ${relation} ${limit}`;
}

export function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}


/** `tenant "contoso", services.teams` or `tenant #2, name`: who and what, for one line of the report. */
export function subjectOf(path: ReadonlyArray<PropertyKey>, raw: unknown): string {
  const [top, index, ...rest] = path;
  if (top !== "tenants" || typeof index !== "number") return propertyPath(path) || "the file";
  const name = (valueAt(raw, ["tenants", index]) as { name?: unknown } | undefined)?.name;
  const tenant = typeof name === "string" && name !== "" ? `tenant "${name}"` : `tenant #${index + 1}`;
  return rest.length ? `${tenant}, ${propertyPath(rest)}` : tenant;
}
