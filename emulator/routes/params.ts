import { parseGuid } from "../binding";
import { invalidPathId, validation } from "../errors";
import type { RouteContext } from "./types";

/** A `{...Id}` path segment: a GUID, or a 400 in ASP.NET's model-binding wording (decided over 404). */
export function pathId(context: RouteContext, name: string): string {
  const raw = context.params[name] ?? "";
  const id = parseGuid(raw);
  if (id === undefined) throw invalidPathId(name, raw);
  return id;
}

export function queryBool(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = lastValue(query, name);
  if (raw === undefined || raw === "") return fallback;
  const text = raw.trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  throw validation(`The value '${raw}' is not valid for ${name}: expected true or false.`);
}

export function queryGuid(query: URLSearchParams, name: string): string | undefined {
  const raw = lastValue(query, name);
  if (raw === undefined || raw === "") return undefined;
  const id = parseGuid(raw);
  if (id === undefined) throw validation(`The value '${raw}' is not valid for ${name}: expected a GUID.`);
  return id;
}

export function queryInt(query: URLSearchParams, name: string): number | undefined {
  const raw = lastValue(query, name);
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw validation(`The value '${raw}' is not valid for ${name}: expected an integer.`);
  return Number(raw.trim());
}

/** A text filter; undefined when absent or empty. */
export function queryString(query: URLSearchParams, name: string): string | undefined {
  const raw = lastValue(query, name);
  return raw === undefined || raw === "" ? undefined : raw;
}

/** Query names bind case-insensitively too. */
function lastValue(query: URLSearchParams, name: string): string | undefined {
  let value: string | undefined;
  const wanted = name.toLowerCase();
  for (const [key, candidate] of query) if (key.toLowerCase() === wanted) value = candidate;
  return value;
}
