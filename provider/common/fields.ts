import { z } from "zod";
import { field } from "./definition";

/** The schema builders the resources' definitions share, with their messages. */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** true/false, also as the strings "true"/"false" that YAML and env files produce. */
export function flag() {
  return z.preprocess(
    (value) => (typeof value === "string" && /^(true|false)$/i.test(value) ? value.toLowerCase() === "true" : value),
    z.boolean({ error: "must be true or false" }),
  );
}

export function text(what: string, max = 1024) {
  return z
    .string({ error: `must be ${what}` })
    .trim()
    .min(1, { error: `must be ${what}, not empty` })
    .max(max, { error: `must be at most ${max} characters` });
}

export function guid(what: string, example = "6b7c2d3e-0000-4000-8000-000000000001") {
  return z.string({ error: `must be ${what}, a GUID` }).trim().regex(GUID, { error: `must be ${what}, a GUID such as ${example}` });
}

/** Free text as VB365 stores it, at most 1024 characters. */
export function description() {
  return z.string({ error: "must be text" }).max(1024, { error: "must be at most 1024 characters" });
}

/** The organization a child resource (a job, a role) belongs to: another one means another resource. */
export function organizationIdField(what: string) {
  return field(() => guid("the id of the organization (Vb365Organization.organizationId)"), { description: `The organization the ${what} belongs to: a \`Vb365Organization\`'s \`organizationId\`.`, change: "replace", sent: false });
}

/** The vb365:connections entry a child resource uses; the same as its organization's. */
export function connectionField() {
  return field(() => text("the name of an entry in vb365:connections", 128), { description: "Name of an entry in the `vb365:connections` stack config map; the same as the organization's.", change: "replace", sent: false });
}
