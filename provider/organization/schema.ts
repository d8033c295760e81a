import { objectSchema, unknownKeys } from "../common/definition";
import { once } from "../common/once";
import { ORGANIZATION_FIELDS, SETTINGS_FIELDS } from "./definition";

/**
 * Structure and value checks of every input, built from the definition on first use (once.ts);
 * cross-field rules live in rules.ts.
 */
export const organizationInputsSchema = once(() => objectSchema(ORGANIZATION_FIELDS, (issue) => unknownKeys(issue, (keys) => `is not an input of Vb365Organization (${keys.join(", ")})`)));

/**
 * The inputs known where an unknown one was found: at the top, or inside a service's settings
 * (`path` is where zod reported it). For messages that list them.
 */
export function knownInputs(path: ReadonlyArray<PropertyKey>): string[] {
  return Object.keys(path.length === 0 ? ORGANIZATION_FIELDS : SETTINGS_FIELDS);
}
