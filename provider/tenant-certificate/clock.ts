/**
 * The provider's notion of "now". `VB365_NOW` (an ISO 8601 date) fakes it, so tests can step into
 * a rotation window without waiting years. It is read on every call, never at module load: the
 * provider runs in a separate process and a value captured at load would be frozen into state.
 */
export function now(): Date {
  const faked = process.env.VB365_NOW;
  if (faked === undefined || faked === "") return new Date();
  const parsed = Date.parse(faked);
  if (Number.isNaN(parsed)) {
    throw new Error(
      `The environment variable VB365_NOW must be an ISO 8601 date such as "2030-01-31T00:00:00Z"; got "${faked}".`,
    );
  }
  return new Date(parsed);
}
