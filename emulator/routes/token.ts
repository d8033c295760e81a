import { z } from "zod";
import { bind, ciObject, netBool } from "../binding";
import {
  badCredentials,
  grantTypeNotEmulated,
  missingTokenParameter,
  unsupportedGrantType,
  unsupportedMediaType,
} from "../errors";
import { empty, json, mediaKind, parseFormBody, parseJsonText, type Reply } from "../http";
import type { IssuedTokens } from "../tokens";
import { atLeast, type ApiVersion } from "../versions";
import type { RouteContext, RouteDefinition } from "./types";

/** grant_type enum of SPEC6/SPEC7; SPEC8 drops `integration` (vb365-api.md §2.1). */
const GRANT_TYPES: Record<ApiVersion, readonly string[]> = {
  v6: ["password", "refresh_token", "urn:ietf:params:oauth:grant-type:jwt-bearer", "integration", "operator"],
  v7: ["password", "refresh_token", "urn:ietf:params:oauth:grant-type:jwt-bearer", "integration", "operator"],
  v8: ["password", "refresh_token", "urn:ietf:params:oauth:grant-type:jwt-bearer", "operator"],
};

// Every field is optional here: which ones are required depends on the grant. Extra empty fields
// (refresh_token='' with a password grant, as GRAFANA and ANON-PS send) are tolerated (§2.1).
function tokenBody(version: ApiVersion) {
  const base = {
    grant_type: z.string().nullish(),
    username: z.string().nullish(),
    password: z.string().nullish(),
    refresh_token: z.string().nullish(),
    client_id: z.string().nullish(),
    assertion: z.string().nullish(),
  };
  // disable_antiforgery_token exists from v7 (SPEC7/8); v6 ignores it like any unknown field.
  // The antiforgery token itself is not enforced: non-browser clients disable it, and GRAFANA's
  // v7 script works without the flag (§2.3).
  return atLeast(version, "v7") ? ciObject({ ...base, disable_antiforgery_token: netBool().nullish() }) : ciObject(base);
}

/** POST /vN/token: form-urlencoded or JSON, the same schema (SPEC6/7/8). */
function token(context: RouteContext): Reply {
  const kind = mediaKind(context.contentType);
  if (kind === "other") throw unsupportedMediaType(context.contentType ?? "");
  const raw = kind === "form" ? parseFormBody(context.rawBody) : (parseJsonText(context.rawBody, false) ?? {});
  const body = bind(tokenBody(context.version), raw, "the request body");
  // SPEC: grant_type "default: password".
  const grantType = (body.grant_type ?? "").trim().toLowerCase() || "password";
  const known = GRANT_TYPES[context.version].find((grant) => grant.toLowerCase() === grantType);
  if (!known) throw unsupportedGrantType(body.grant_type ?? "");
  const store = context.store;
  if (known === "password") {
    if (!body.username) throw missingTokenParameter("username");
    if (!body.password) throw missingTokenParameter("password");
    const user = store.authenticate(body.username, body.password);
    if (!user) throw badCredentials();
    return tokenReply(store.tokens.issue(user));
  }
  if (known === "refresh_token") {
    if (!body.refresh_token) throw missingTokenParameter("refresh_token");
    return tokenReply(store.tokens.refresh(body.refresh_token));
  }
  throw grantTypeNotEmulated(known);
}

/**
 * OAuthTokenResponse. `token_type` is "bearer" as OWIN servers send it (INFERRED, §2.2);
 * `.issued`/`.expires` are ISO 8601 because the spec declares them date-time (OWIN would send
 * RFC 1123 dates; clients that parse either, like ANON-PS, are unaffected).
 */
function tokenReply(tokens: IssuedTokens): Reply {
  return json(
    200,
    {
      access_token: tokens.accessToken,
      token_type: "bearer",
      expires_in: tokens.lifetimeSeconds,
      refresh_token: tokens.refreshToken,
      userName: tokens.user,
      ".issued": new Date(tokens.issuedAt).toISOString(),
      ".expires": new Date(tokens.expiresAt).toISOString(),
    },
    { "cache-control": "no-store", pragma: "no-cache" },
  );
}

/** POST /vN/token/logout: v7 answers a bare 200, v8 changed it to 204 (SPEC7/8, DOC-BREAK8). */
function logout(context: RouteContext): Reply {
  if (context.accessToken) context.store.tokens.revoke(context.accessToken);
  return empty(context.version === "v7" ? 200 : 204);
}

export const tokenRoutes: RouteDefinition[] = [
  { method: "POST", path: "/token", versions: ["v6", "v7", "v8"], kind: "token", anonymous: true, handle: token },
  { method: "POST", path: "/token/logout", versions: ["v7", "v8"], kind: "token.logout", handle: logout },
];
