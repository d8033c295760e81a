import type * as pulumi from "@pulumi/pulumi";
import { type OutputProperties, resourceProperties, Vb365DynamicResource } from "../common/dynamic-resource";
import type { InputsOf } from "../common/inputs";
import { ROLE_FIELDS, ROLE_OUTPUT_FIELDS } from "./definition";
import type { RoleInputs, RoleOutputs } from "./types";
// One provider object for every resource of this type; the state stores only a reference to it.
import provider = require("../runtime/restore-operator-role-stub");


/** Arguments of {@link Vb365RestoreOperatorRole}: the inputs of its definition (definition.ts), each described there. */
export type Vb365RestoreOperatorRoleArgs = InputsOf<RoleInputs>;

/**
 * A restore-operator role of a VB365 organization: who of the tenant (users by UPN, groups by
 * name) may explore and restore its backed-up data, all of it or the objects named.
 *
 * @example
 * new Vb365RestoreOperatorRole("contoso-helpdesk", {
 *   organizationId: org.organizationId,
 *   operators: [{ type: "Group", group: "Helpdesk" }],
 *   roleType: "SpecificObjects",
 *   selectedItems: [{ type: "Site", site: "https://contoso.sharepoint.com/sites/Sales" }],
 * });
 */
export class Vb365RestoreOperatorRole extends Vb365DynamicResource {
  constructor(name: string, args: Vb365RestoreOperatorRoleArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, resourceProperties(ROLE_FIELDS, ROLE_OUTPUT_FIELDS, args, name), opts, "vb365", "RestoreOperatorRole");
  }
}

/** Every output the state keeps (definition.ts) as a property. */
export interface Vb365RestoreOperatorRole extends OutputProperties<RoleOutputs> {}
