import * as pulumi from "@pulumi/pulumi";

/** Every field an `Input`, nested objects included; property docs carry over from the plain type. */
export type InputsOf<T> = {
  [K in keyof T]: NonNullable<T[K]> extends object ? pulumi.Input<InputsOf<NonNullable<T[K]>>> : pulumi.Input<NonNullable<T[K]>>;
};

/**
 * Makes an input secret whatever the caller passed: the engine stores inputs as given, and
 * keeps an output secret only where an input of the same name was.
 */
export function asSecret<T>(value: pulumi.Input<T> | undefined): pulumi.Output<pulumi.Unwrap<T>> | undefined {
  return value === undefined ? undefined : pulumi.secret(value);
}
