import { atLeast, type ApiVersion } from "./versions";

/**
 * `errorCode` values of RESTExceptionInfo in SPEC8. SPEC7 only knows `ProxyOffline`, so v7 bodies
 * carry `errorCode: null` for everything the emulator raises; v6 has no `errorCode` at all.
 */
export type V8ErrorCode =
  | "ResourceNotFound"
  | "ParameterValidationFailure"
  | "OperationConflict"
  | "ResourceAccessDenied"
  | "HttpError";

/** OAuth error pair that token failures also carry (vb365-api.md §2.5, VBO-REST reads it). */
export interface OAuthError {
  error: string;
  error_description: string;
}

/**
 * An error the emulator answers with. Thrown by routes and the store, rendered by the server in
 * the RESTExceptionInfo shape of the request's version (vb365-api.md §5).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode: V8ErrorCode | null = null,
    readonly oauth?: OAuthError,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** RESTExceptionInfo of `version`: `{message}` (v6), `+errorCode` (v7), `+stackTrace` (v8). */
export function exceptionInfo(error: ApiError, version: ApiVersion): Record<string, unknown> {
  const body: Record<string, unknown> = { ...error.oauth, message: error.message };
  if (atLeast(version, "v7")) body.errorCode = version === "v7" ? null : error.errorCode;
  if (atLeast(version, "v8")) body.stackTrace = null;
  return body;
}

// The specs declare no error statuses at all (vb365-api.md §5), so every status below is the
// emulator's decision unless a comment cites a source.

/** ASP.NET Web API's own wording for a missing or rejected bearer (INFERRED, §5: clients see 401). */
export function unauthorized(expired = false): ApiError {
  const challenge = expired ? 'Bearer error="invalid_token", error_description="The access token has expired"' : "Bearer";
  return new ApiError(401, "Authorization has been denied for this request.", null, undefined, {
    "www-authenticate": challenge,
  });
}

/** Web API's message for an unmatched route. */
export function routeNotFound(path: string): ApiError {
  return new ApiError(404, `No HTTP resource was found that matches the request URI '${path}'.`, "ResourceNotFound");
}

/** Web API's message when the path exists but not with this method. */
export function methodNotAllowed(method: string, allowed: readonly string[]): ApiError {
  return new ApiError(405, `The requested resource does not support http method '${method}'.`, "HttpError", undefined, {
    allow: allowed.join(", "),
  });
}

export function unsupportedMediaType(contentType: string): ApiError {
  return new ApiError(
    415,
    `The request entity's media type '${contentType}' is not supported for this resource.`,
    "HttpError",
  );
}

export function invalidJson(detail: string): ApiError {
  return validation(`The request body is not valid JSON: ${detail}`);
}

export function bodyRequired(): ApiError {
  return validation("The request body is required.");
}

/** Refusals answered before the body is read close the connection, so the body is never read. */
const CLOSE: Readonly<Record<string, string>> = { connection: "close" };

/**
 * Refused before more than `limit` bytes are read. The connection closes with the answer, so the
 * rest of the body is never read either.
 */
export function bodyTooLarge(limit: number): ApiError {
  return new ApiError(413, `The request body is larger than ${limit} bytes, the most the emulator reads.`, "HttpError", undefined, CLOSE);
}

/**
 * A Host the emulator does not answer to: a page that rebinds its own name to the emulator's
 * address (DNS rebinding) still sends that name. 400 as HTTP.sys, VB365's web server, answers a
 * host it does not serve ("Bad Request - Invalid Hostname").
 */
export function hostNotAllowed(host: string | undefined, allowed: string): ApiError {
  const shown = host === undefined ? "A request without a Host header" : `The Host header '${host}'`;
  return new ApiError(400, `${shown} does not name this emulator, which answers to ${allowed} on any port; another name needs --allowed-host (allowedHosts).`, "HttpError", undefined, CLOSE);
}

/** The control API answers its own pages only: a foreign Origin is a web page trying to drive it (CSRF). */
export function originNotAllowed(origin: string, own: string): ApiError {
  return new ApiError(403, `The control API answers requests from its own origin (${own}) only, not from '${origin}'.`, "ResourceAccessDenied", undefined, CLOSE);
}

/** The control API takes JSON only: a form or text/plain body is what a web page can send without asking. */
export function controlMediaType(contentType: string | undefined): ApiError {
  const sent = contentType === undefined ? "a body without Content-Type" : `'${contentType}'`;
  return new ApiError(415, `The control API takes application/json bodies only, not ${sent}.`, "HttpError", undefined, CLOSE);
}

/** Any rejected input: a 400 with ParameterValidationFailure, the v8 code for it. */
export function validation(message: string): ApiError {
  return new ApiError(400, message, "ParameterValidationFailure");
}

/** OWIN/ASP.NET Identity wording, 400 `invalid_grant` as VBO-REST expects (§2.5). */
export function badCredentials(): ApiError {
  return oauthFailure("invalid_grant", "The user name or password is incorrect.");
}

/** Refresh tokens are single use (they rotate), so a replayed one lands here too. */
export function invalidRefreshToken(): ApiError {
  return oauthFailure("invalid_grant", "The refresh token is invalid, expired or has already been used.");
}

export function unsupportedGrantType(grantType: string): ApiError {
  return oauthFailure("unsupported_grant_type", `The grant type '${grantType}' is not supported.`);
}

/** A grant the spec lists but the emulator does not implement (jwt-bearer, operator, integration). */
export function grantTypeNotEmulated(grantType: string): ApiError {
  return oauthFailure("unsupported_grant_type", `The emulator does not implement the grant type '${grantType}'.`);
}

export function missingTokenParameter(name: string): ApiError {
  return oauthFailure("invalid_request", `The ${name} parameter is required.`);
}

function oauthFailure(error: string, description: string): ApiError {
  return new ApiError(400, description, "ParameterValidationFailure", { error, error_description: description });
}

export function invalidPathId(name: string, value: string): ApiError {
  return validation(`The value '${value}' is not valid for ${name}.`);
}

export function deviceCodeNotFound(userCode: string): ApiError {
  return validation(`The device code '${userCode}' was not found. Request a new code with POST /DeviceCode.`);
}

export function deviceCodeExpired(userCode: string): ApiError {
  return validation(`The device code '${userCode}' has expired. Request a new code with POST /DeviceCode.`);
}

export function deviceCodeNotSignedIn(userCode: string): ApiError {
  return validation(
    `Nobody has signed in to Microsoft 365 with the device code '${userCode}' yet. Sign in, then retry.`,
  );
}

export function deviceCodeUsed(userCode: string): ApiError {
  return validation(`The device code '${userCode}' has already been used. Request a new code with POST /DeviceCode.`);
}

export function deviceCodeRegionMismatch(userCode: string, codeRegion: string, region: string): ApiError {
  return validation(
    `The device code '${userCode}' was requested for the ${codeRegion} region, but the organization is in the ${region} region.`,
  );
}

/** A code signed in to one Microsoft 365 organization cannot configure another's application (decided, docs/emulator.md). */
export function deviceCodeOtherOrganization(userCode: string, signedInTo: string, organization: string): ApiError {
  return validation(
    `The device code '${userCode}' was signed in to ${signedInTo}, not to ${organization}: VB365 cannot configure the application of ${organization} with it. A Global Administrator of ${organization} must sign in with a new code.`,
  );
}

/**
 * Entra refuses VB365's sign-in: the application has no certificate with this thumbprint.
 * Status and errorCode are decided like every refused input (400, ParameterValidationFailure:
 * the request is fixed by registering the certificate or sending one that is). The text from
 * "AADSTS700027" to "app Id '…'." is Microsoft's, as Azure/azure-sdk-for-net#29007 and
 * AzureAD/microsoft-authentication-library-for-js#3741 quote it, and Veeam Data Cloud's guide shows
 * its jobs failing with it; "Failed to connect to Microsoft 365 organization: " before it and the
 * "]" that ends it where Microsoft goes on ("Review the documentation at …", trace ids) are our
 * rendering: how VB365 wraps Microsoft's answer is unconfirmed.
 */
export function clientAssertionKeyNotFound(thumbprint: string, applicationId: string): ApiError {
  return validation(
    `Failed to connect to Microsoft 365 organization: AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${applicationId}'.]`,
  );
}

export function organizationNotFound(id: string): ApiError {
  return new ApiError(404, `Organization with ID '${id}' was not found.`, "ResourceNotFound");
}

export function organizationAlreadyAdded(name: string): ApiError {
  return new ApiError(409, `The organization '${name}' has already been added.`, "OperationConflict");
}

/** PS remove-vboorganization.md: "make sure all jobs … are set to the Disabled state" (§4.5). */
export function organizationHasEnabledJobs(name: string, jobNames: readonly string[]): ApiError {
  const list = jobNames.map((job) => `'${job}'`).join(", ");
  return new ApiError(
    409,
    `Cannot remove the organization '${name}' because ${jobNames.length} of its backup jobs ${jobNames.length === 1 ? "is" : "are"} enabled (${list}). Disable all backup jobs of the organization, then remove it.`,
    "OperationConflict",
  );
}

export function jobNotFound(id: string): ApiError {
  return new ApiError(404, `Backup job with ID '${id}' was not found.`, "ResourceNotFound");
}

export function roleNotFound(id: string): ApiError {
  return new ApiError(404, `Restore operator role with ID '${id}' was not found.`, "ResourceNotFound");
}

/** GET /RbacRoles/{roleId}/operators/{operatorId} and the item routes: `noun` is "Restore operator" or "Object". */
export function roleItemNotFound(noun: string, id: string, roleName: string): ApiError {
  return new ApiError(404, `${noun} with ID '${id}' was not found in the restore operator role '${roleName}'.`, "ResourceNotFound");
}

/** Decided: a role name is unique in its organization, refused like a duplicate organization (409). */
export function roleNameTaken(name: string, organizationName: string): ApiError {
  return new ApiError(409, `A restore operator role named '${name}' already exists in the organization '${organizationName}'.`, "OperationConflict");
}

/** Under deleteWithRoles "refuse", as an organization with enabled jobs is refused. */
export function organizationHasRoles(name: string, roleNames: readonly string[]): ApiError {
  const list = roleNames.map((role) => `'${role}'`).join(", ");
  return new ApiError(
    409,
    `Cannot remove the organization '${name}' because it has ${roleNames.length} restore operator role${roleNames.length === 1 ? "" : "s"} (${list}). Remove the restore operator roles of the organization, then remove it.`,
    "OperationConflict",
  );
}

/** A reference inside a request body, unlike a path id, is bad input rather than a missing resource. */
export function referencedOrganizationNotFound(id: string): ApiError {
  return validation(`Organization with ID '${id}' was not found.`);
}

export function referencedRepositoryNotFound(id: string): ApiError {
  return validation(`Backup repository with ID '${id}' was not found.`);
}

/** The status a fault asked for, with a body in the version's error shape. */
export function injectedFault(status: number, message: string, headers: Record<string, string>): ApiError {
  return new ApiError(status, message, status === 404 ? "ResourceNotFound" : "HttpError", undefined, headers);
}

export function internalError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(500, `An unexpected error occurred in the emulator: ${detail}`, "HttpError");
}
