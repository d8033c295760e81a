import { ApiError, methodNotAllowed, routeNotFound } from "./errors";
import type { RouteDefinition } from "./routes/types";
import { isApiVersion, type ApiVersion } from "./versions";

export interface RouteMatch {
  route: RouteDefinition;
  version: ApiVersion;
  params: Record<string, string>;
  /** The spec path of the operation, e.g. "/v8/Organizations/{organizationId}". */
  template: string;
}

export type RouteLookup = { match: RouteMatch } | { error: ApiError; version: ApiVersion | undefined };

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

/**
 * Matches "/vN/..." paths against the route table. Matching ignores case and a trailing slash:
 * working clients use both "/token" and "/Token" (vb365-api.md §2.1, INFERRED case-insensitive).
 */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(
    routes: readonly RouteDefinition[],
    private readonly served: readonly ApiVersion[],
  ) {
    this.compiled = routes.map((route) => compile(route));
  }

  lookup(method: string, pathname: string): RouteLookup {
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    const slash = path.indexOf("/", 1);
    const prefix = (slash === -1 ? path.slice(1) : path.slice(1, slash)).toLowerCase();
    if (!isApiVersion(prefix) || !this.served.includes(prefix)) return { error: routeNotFound(pathname), version: undefined };
    const rest = slash === -1 ? "" : path.slice(slash);
    const allowed: string[] = [];
    for (const { route, pattern, names } of this.compiled) {
      if (!route.versions.includes(prefix)) continue;
      const found = pattern.exec(rest);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, index) => (params[name] = safeDecode(found[index + 1]!)));
      return { match: { route, version: prefix, params, template: `/${prefix}${route.path}` } };
    }
    const error = allowed.length > 0 ? methodNotAllowed(method, allowed) : routeNotFound(pathname);
    return { error, version: prefix };
  }
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split("/")
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(param[1]!);
      return "([^/]+)";
    })
    .join("/");
  return { route, pattern: new RegExp(`^${source}$`, "i"), names };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
