import * as pulumi from "@pulumi/pulumi";

/** Every field an `Input`, nested objects included; property docs carry over from the plain type. */
export type InputsOf<T> = {
  [K in keyof T]: NonNullable<T[K]> extends object ? pulumi.Input<InputsOf<NonNullable<T[K]>>> : pulumi.Input<NonNullable<T[K]>>;
};

/**
 * Makes the named fields of an object input secret, and leaves the others readable in state and
 * in `pulumi preview --diff`. An object that is itself still a promise or an Output cannot be
 * looked into here, so all of it is made secret instead.
 */
export function withSecretFields<T extends object>(
  value: pulumi.Input<InputsOf<T>> | undefined,
  fields: readonly (keyof T & string)[],
): pulumi.Input<InputsOf<T>> | undefined {
  if (value === undefined) return undefined;
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return pulumi.secret(value) as pulumi.Output<InputsOf<T>>;
  const copy: Record<string, unknown> = { ...value };
  for (const field of fields) if (copy[field] !== undefined) copy[field] = pulumi.secret(copy[field]);
  return copy as InputsOf<T>;
}
