import type { RoleInputs, RoleReference } from "../provider/restore-operator-role/types";

export type RoleType = NonNullable<RoleInputs["roleType"]>;
export type RoleOperator = NonNullable<RoleInputs["operators"]>[number];

/** One restore-operator role of a tenant, its roleType settled: what Vb365Tenant takes. */
export interface TenantRole {
  /** Names the role's resource, `<tenant>-<name>`, and the role in VB365. */
  name: string;
  roleType: RoleType;
  operators: RoleOperator[];
  selectedItems?: RoleReference[];
  excludedItems?: RoleReference[];
  description?: string;
}

/**
 * The roleType of a role that may not say: naming objects means restoring those
 * (SpecificObjects); naming none means all of the organization, Vb365RestoreOperatorRole's own
 * default. The schema's rules and the declared role read it from here, so they cannot disagree.
 */
export function roleTypeOf(role: { roleType?: RoleType; selectedItems?: readonly unknown[] }): RoleType {
  return role.roleType ?? (role.selectedItems?.length ? "SpecificObjects" : "EntireOrganization");
}

/** A role as the file declares it, as Vb365Tenant takes it. */
export function declaredRole(role: Omit<TenantRole, "roleType"> & { roleType?: RoleType }): TenantRole {
  return { ...role, roleType: roleTypeOf(role) };
}
