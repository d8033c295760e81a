import type { RemoteRole } from "../client/roles";
import type { ResolvedObject } from "../common/object-lookup";
import { toPlainOutputs } from "../common/outputs";
import type { RoleInputs, RoleOutputs } from "./types";

export function outputsFromRole(inputs: RoleInputs, role: { id: string; objects: Record<string, ResolvedObject> }, apiVersion: string): RoleOutputs {
  return toPlainOutputs({ ...inputs, roleId: role.id, resolvedObjects: role.objects, apiVersion }) as unknown as RoleOutputs;
}

/**
 * Outputs after a refresh: name, description and type as the role listing reports them. Its
 * operators and items are collections of their own on the server, so they are not refreshed.
 */
export function outputsFromRemoteRole(previous: RoleOutputs, remote: RemoteRole): RoleOutputs {
  const next: Record<string, unknown> = { ...previous };
  if (remote.name) next.name = remote.name;
  if (previous.description !== undefined || remote.description) next.description = remote.description ?? undefined;
  if (remote.roleType) next.roleType = remote.roleType;
  return toPlainOutputs(next) as unknown as RoleOutputs;
}

export function inputsFromRoleOutputs(outputs: RoleOutputs): RoleInputs {
  const { roleId: _id, resolvedObjects: _objects, apiVersion: _version, ...inputs } = outputs;
  return inputs;
}
