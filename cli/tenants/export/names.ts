/**
 * The names an export gives: a tenant's and a job's `name` in tenants.yaml, which must be lower
 * case letters, digits and dashes, at most 63 characters, starting and ending with a letter or
 * digit (program/tenants-schema.ts), and unique (tenants in the file, jobs in their tenant).
 */

const MAX_NAME = 63;

/** The initial domains Microsoft gives a tenant, per cloud: the part before them names it. */
const INITIAL_DOMAIN = /\.(onmicrosoft\.(com|de|us)|partner\.onmschina\.cn|onmschina\.cn)$/i;

/** "contoso" for contoso.onmicrosoft.com; a custom domain keeps its dots as dashes: fabrikam-com. */
export function tenantNameOf(organization: string): string {
  return nameOf(organization.trim().replace(INITIAL_DOMAIN, ""), "tenant");
}

/**
 * A job's name from the name it has in VB365. The tenant's resources call it `<tenant>-<name>`
 * there, so a job already called that way keeps the name it has.
 */
export function jobNameOf(vb365Name: string | null | undefined, tenant: string): string {
  const name = nameOf(vb365Name ?? "", "job");
  return name.startsWith(`${tenant}-`) && name.length > tenant.length + 1 ? name.slice(tenant.length + 1) : name;
}

/**
 * `base`, or `base-2`, `base-3`, … (cut so that the suffix fits) if that is taken; the name given
 * is added to `taken`. Deterministic for a given order of calls, which the caller keeps sorted.
 */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) {
    const suffix = `-${n}`;
    name = `${trimDashes(base.slice(0, MAX_NAME - suffix.length)) || "x"}${suffix}`;
  }
  taken.add(name);
  return name;
}

/** Lower case letters, digits and single dashes; accents dropped (Müller → muller); `fallback` if nothing is left. */
function nameOf(text: string, fallback: string): string {
  const plain = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return trimDashes(trimDashes(plain.replace(/[^a-z0-9]+/g, "-")).slice(0, MAX_NAME)) || fallback;
}

function trimDashes(text: string): string {
  return text.replace(/^-+|-+$/g, "");
}
