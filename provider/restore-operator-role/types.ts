import type { ValuesOf } from "../common/definition";
import type { ROLE_FIELDS, ROLE_OUTPUT_FIELDS } from "./definition";

// Read from the definition (definition.ts), where each field is described.

export type RoleInputs = ValuesOf<typeof ROLE_FIELDS>;
export type RoleOutputs = RoleInputs & Required<ValuesOf<typeof ROLE_OUTPUT_FIELDS>>;
export type RoleReference = NonNullable<RoleInputs["selectedItems"]>[number];
