import type { Problem } from "./problems";

/**
 * Tenants that share a name (it names their resources) or a Microsoft 365 organization (VB365
 * holds each once). Read from the raw file, so they are reported together with every other
 * problem instead of after they are fixed.
 */
export function duplicateProblems(raw: unknown): Problem[] {
  const tenants = (raw as { tenants?: unknown } | null)?.tenants;
  if (!Array.isArray(tenants)) return [];
  const problems: Problem[] = [];
  const names = new Map<string, number>();
  const organizations = new Map<string, number>();
  tenants.forEach((tenant: unknown, index) => {
    const { name, organization } = (tenant ?? {}) as { name?: unknown; organization?: unknown };
    if (typeof name === "string") {
      const first = names.get(name);
      if (first === undefined) names.set(name, index);
      else problems.push({ path: ["tenants", index, "name"], message: `is also the name of tenant #${first + 1}; names must be unique (they name the stack's resources)` });
    }
    if (typeof organization === "string") {
      const key = organization.toLowerCase();
      const first = organizations.get(key);
      if (first === undefined) organizations.set(key, index);
      else {
        const owner = (tenants[first] as { name?: unknown }).name;
        problems.push({
          path: ["tenants", index, "organization"],
          message: `"${organization}" is already onboarded by tenant ${typeof owner === "string" ? `"${owner}"` : `#${first + 1}`}; VB365 holds each Microsoft 365 organization once`,
        });
      }
    }
  });
  return problems;
}
