export { API_VERSIONS, connectionKey, resolveConnection } from "./connection";
export type { ApiVersion, ConnectionSettings, SettingsSource } from "./connection";
export { isNotFound, isTransient, Vb365ApiError, Vb365ConfigError, Vb365ConnectionError, Vb365Error } from "./errors";
export type { RemoteOrganization, RestorePortalSettings } from "./schemas";
export { DEFAULT_RETRY_POLICY } from "./transport";
export type { RetryPolicy } from "./transport";
export { Vb365Client } from "./vb365-client";
export type { ClientOptions, DeviceCode } from "./vb365-client";
