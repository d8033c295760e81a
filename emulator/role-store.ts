import { organizationNotFound, roleItemNotFound, roleNameTaken, roleNotFound, validation } from "./errors";
import { newId } from "./ids";
import type { Inventory } from "./inventory";
import type { RoleType, StoredOrganization, StoredRole, StoredRoleItem } from "./model";
import { resolveRoleItems, withItems, type SentRoleItem } from "./role-items";

/** The three lists of a role, as the sub-collection routes name them. */
export type RoleList = "operators" | "selectedItems" | "excludedItems";

export interface RoleInput {
  organizationId: string;
  name: string | null;
  description: string | null;
  roleType: RoleType | null;
  operators: SentRoleItem[];
  selectedItems: SentRoleItem[];
  excludedItems: SentRoleItem[];
}

/** PUT /RbacRoles/{roleId}: undefined is "not sent"; null keeps the stored value except for `description`, which it clears. */
export interface RolePatch {
  name?: string | null | undefined;
  description?: string | null | undefined;
  roleType?: RoleType | null | undefined;
  operators?: SentRoleItem[] | null | undefined;
  selectedItems?: SentRoleItem[] | null | undefined;
  excludedItems?: SentRoleItem[] | null | undefined;
}

/** What the role store needs of the rest of the state. */
export interface RoleStoreHost {
  organization(id: string): StoredOrganization | undefined;
  inventory(organizationId: string): Inventory;
  now(): number;
  persist(): void;
}

/** For the 404 of GET /RbacRoles/{roleId}/{list}/{id}. */
const ITEM_NOUN: Readonly<Record<RoleList, string>> = { operators: "Restore operator", selectedItems: "Object", excludedItems: "Excluded object" };

/** Restore operator roles (RBAC) and the rules that guard them. */
export class RoleStore {
  private readonly roles = new Map<string, StoredRole>();

  constructor(private readonly host: RoleStoreHost) {}

  /** No roles; does not persist (the caller does). */
  clear(): void {
    this.roles.clear();
  }

  load(roles: readonly StoredRole[]): void {
    this.roles.clear();
    for (const role of roles) this.roles.set(role.id, role);
  }

  create(input: RoleInput): StoredRole {
    const organization = this.organization(input.organizationId);
    const role: StoredRole = {
      id: newId(),
      organizationId: organization.id,
      name: this.name(input.name),
      description: input.description,
      roleType: this.roleType(input.roleType),
      operators: this.resolve(organization, input.operators, "operators"),
      selectedItems: this.resolve(organization, input.selectedItems, "selectedItems"),
      excludedItems: this.resolve(organization, input.excludedItems, "excludedItems"),
      createdAt: new Date(this.host.now()).toISOString(),
    };
    return this.save(role, organization);
  }

  /** Merges `patch` into the role, or under `replace` applies it to an empty role, then checks the result as on create. */
  update(id: string, patch: RolePatch, replace: boolean): StoredRole {
    const role = this.get(id);
    const organization = this.organization(role.organizationId);
    const list = (which: RoleList): StoredRoleItem[] => {
      const sent = patch[which];
      if (sent) return this.resolve(organization, sent, which);
      return replace ? [] : role[which];
    };
    const updated: StoredRole = {
      ...role,
      name: patch.name === undefined || patch.name === null ? (replace ? this.name(null) : role.name) : this.name(patch.name),
      description: patch.description !== undefined ? patch.description : replace ? null : role.description,
      roleType: patch.roleType ?? (replace ? this.roleType(null) : role.roleType),
      operators: list("operators"),
      selectedItems: list("selectedItems"),
      excludedItems: list("excludedItems"),
    };
    return this.save(updated, organization);
  }

  /** POST /RbacRoles/{roleId}/{list}: adds the objects not listed yet. */
  addItems(id: string, which: RoleList, items: readonly SentRoleItem[]): void {
    const role = this.get(id);
    const organization = this.organization(role.organizationId);
    this.save({ ...role, [which]: withItems(role[which], this.resolve(organization, items, which)) }, organization);
  }

  /** DELETE /RbacRoles/{roleId}/{list}?ids=: every id must be listed, and the role must still be valid after. */
  removeItems(id: string, which: RoleList, ids: readonly string[]): void {
    const role = this.get(id);
    const wanted = ids.map((itemId) => itemId.toLowerCase());
    const missing = wanted.find((itemId) => !role[which].some((item) => item.id.toLowerCase() === itemId));
    if (missing !== undefined) throw validation(`'ids' names '${missing}', which is not one of the ${which} of the restore operator role '${role.name}'.`);
    const kept = role[which].filter((item) => !wanted.includes(item.id.toLowerCase()));
    this.save({ ...role, [which]: kept }, this.organization(role.organizationId));
  }

  /** One item of a list; `visible` hides items a version does not know (a 404 like an unknown id). */
  item(id: string, which: RoleList, itemId: string, visible: (item: StoredRoleItem) => boolean = () => true): StoredRoleItem {
    const role = this.get(id);
    const item = role[which].find((candidate) => candidate.id.toLowerCase() === itemId.toLowerCase());
    if (!item || !visible(item)) throw roleItemNotFound(ITEM_NOUN[which], itemId, role.name);
    return item;
  }

  list(filter: { organizationId?: string | undefined } = {}): StoredRole[] {
    return [...this.roles.values()].filter((role) => filter.organizationId === undefined || role.organizationId === filter.organizationId);
  }

  get(id: string): StoredRole {
    const role = this.roles.get(id);
    if (!role) throw roleNotFound(id);
    return role;
  }

  delete(id: string): void {
    this.get(id);
    this.roles.delete(id);
    this.host.persist();
  }

  /** Removes the roles without persisting: the organization's deletion does that once. */
  drop(ids: readonly string[]): void {
    for (const id of ids) this.roles.delete(id);
  }

  private organization(id: string): StoredOrganization {
    const organization = this.host.organization(id);
    if (!organization) throw organizationNotFound(id);
    return organization;
  }

  /** Decided: a role needs a name (the console asks for one; the specs mark nothing required). */
  private name(name: string | null): string {
    if (name === null || name.trim() === "") throw validation("'name' is required.");
    return name;
  }

  /** Decided: `roleType` is required although the specs make it nullable: nothing says what null would mean. */
  private roleType(roleType: RoleType | null): RoleType {
    if (roleType === null) throw validation("'roleType' is required.");
    return roleType;
  }

  /**
   * The rules every saved role meets, then the name's uniqueness in the organization. Decided: at
   * least one operator (a role without one grants nothing); SpecificObjects needs a selected
   * object (SPEC7/8: "you must specify a collection of objects"); EntireOrganization refuses
   * selected objects rather than ignoring them, so a caller never believes a scope was narrowed
   * when it was not. Excluded objects are allowed with either type.
   */
  private save(role: StoredRole, organization: StoredOrganization): StoredRole {
    if (role.operators.length === 0) throw validation("'operators' must list at least one restore operator.");
    if (role.roleType === "SpecificObjects" && role.selectedItems.length === 0) {
      throw validation("'selectedItems' must list at least one object when roleType is SpecificObjects.");
    }
    if (role.roleType === "EntireOrganization" && role.selectedItems.length > 0) {
      throw validation("'selectedItems' must be empty when roleType is EntireOrganization: the role covers every object of the organization.");
    }
    const duplicate = this.list({ organizationId: role.organizationId }).find((other) => other.id !== role.id && other.name.toLowerCase() === role.name.toLowerCase());
    if (duplicate) throw roleNameTaken(duplicate.name, organization.name);
    this.roles.set(role.id, role);
    this.host.persist();
    return role;
  }

  private resolve(organization: StoredOrganization, items: readonly SentRoleItem[], where: RoleList): StoredRoleItem[] {
    return resolveRoleItems(items, where, organization.name, this.host.inventory(organization.id));
  }
}
