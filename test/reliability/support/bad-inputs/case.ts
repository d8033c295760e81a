/**
 * One bad input: what it is, the field its error must name, and how the error must say what is
 * valid. `input` is built when the case runs, from fixtures (PFX files) made before the cases.
 */
export interface BadInputCase<T> {
  id: string;
  field: string;
  valid: RegExp;
  input: () => T;
}

/** PFX files the cases need: a valid one and one whose certificate has expired. */
export interface Fixtures {
  pfx: { pfxBase64: string; password: string; thumbprint: string };
  expired: { pfxBase64: string; password: string; thumbprint: string };
}
