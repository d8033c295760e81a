import { z } from "zod";
import { newId } from "./ids";
import { ROUTE_KINDS, type RouteKind } from "./routes/types";
import { API_VERSIONS, type ApiVersion } from "./versions";

/**
 * A fault to inject into matching API requests (control routes are never faulted).
 *
 * A request matches when every matcher that is set matches. The first matching fault (in the
 * order they were injected) that still has firings left applies; a fault combines at most one
 * latency with either a status or a connection reset.
 *
 * @example Two 503s with Retry-After on organization creation, then normal service:
 * ```ts
 * emulator.injectFault({ method: "POST", route: "/Organizations", status: 503, retryAfterSeconds: 2, times: 2 });
 * ```
 * @example Apply the DELETE but drop the connection before the answer, once:
 * ```ts
 * emulator.injectFault({ kind: "organizations.delete", reset: "after", times: 1 });
 * ```
 */
export interface FaultSpec {
  /** HTTP method, case-insensitive. Omitted or "*": any method. */
  method?: string;
  /**
   * Route template in the spec's spelling, case-insensitive: "/v8/Organizations/{organizationId}"
   * (one version) or "/Organizations/{organizationId}" (every version). Omitted or "*": any route,
   * including paths that match no route.
   */
  route?: string;
  /** Route kind, e.g. "organizations.create" or "token". */
  kind?: RouteKind;
  /** Only these API versions. Omitted: all. */
  versions?: ApiVersion[];
  /** Answer with this status (400–599) instead of handling the request: the change is not applied. */
  status?: number;
  /** Adds `Retry-After: <seconds>` to a status answer (429 and 503 are what it is for). */
  retryAfterSeconds?: number;
  /** Message of the RESTExceptionInfo body of a status answer. Default: a sentence per status. */
  message?: string;
  /**
   * Destroy the connection without an answer: "before" the request is handled (nothing applied),
   * or "after" it was handled (the change is applied, the client sees a reset).
   */
  reset?: "before" | "after";
  /** Delay in ms before the request is handled (or before the status or reset happens). */
  latencyMs?: number;
  /** Let this many matching requests through untouched before firing. Default 0. */
  skip?: number;
  /** Fire this many times, then stop. Default: every time. */
  times?: number;
}

/** An injected fault with its bookkeeping. */
export interface FaultView extends FaultSpec {
  id: string;
  /** Matching requests seen so far, skipped ones included. */
  seen: number;
  /** Times it fired. */
  fired: number;
  /** Firings left; null when unlimited. */
  remaining: number | null;
}

export function faultSpecSchema() {
  return z
    .object({
      method: z.string().trim().min(1).optional(),
      route: z.string().trim().min(1).optional(),
      kind: z.enum(ROUTE_KINDS).optional(),
      versions: z.array(z.enum(API_VERSIONS)).min(1).optional(),
      status: z.number().int().min(400).max(599).optional(),
      retryAfterSeconds: z.number().int().min(0).optional(),
      message: z.string().optional(),
      reset: z.enum(["before", "after"]).optional(),
      latencyMs: z.number().min(0).max(600_000).optional(),
      skip: z.number().int().min(0).optional(),
      times: z.number().int().min(1).optional(),
    })
    .strict()
    .refine((spec) => spec.status !== undefined || spec.reset !== undefined || spec.latencyMs !== undefined, {
      message: "A fault needs at least one of status, reset or latencyMs.",
    })
    .refine((spec) => spec.status === undefined || spec.reset === undefined, {
      message: "A fault cannot both answer with a status and reset the connection.",
    });
}

/** What the server knows about a request when it picks a fault. */
export interface FaultTarget {
  method: string;
  version: ApiVersion | undefined;
  /** "/v8/Organizations/{organizationId}", or undefined when no route matched. */
  template: string | undefined;
  kind: RouteKind | undefined;
}

export class FaultSet {
  private faults: FaultView[] = [];

  add(spec: FaultSpec): FaultView {
    const fault: FaultView = { ...spec, id: newId(), seen: 0, fired: 0, remaining: spec.times ?? null };
    this.faults.push(fault);
    return { ...fault };
  }

  /** Finds the fault for a request and counts it as fired. */
  take(target: FaultTarget): FaultView | undefined {
    for (const fault of this.faults) {
      if (fault.remaining === 0 || !matches(fault, target)) continue;
      fault.seen += 1;
      if (fault.seen <= (fault.skip ?? 0)) continue;
      fault.fired += 1;
      if (fault.remaining !== null) fault.remaining -= 1;
      return { ...fault };
    }
    return undefined;
  }

  list(): FaultView[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }
}

function matches(fault: FaultSpec, target: FaultTarget): boolean {
  if (fault.method && fault.method !== "*" && fault.method.toUpperCase() !== target.method) return false;
  if (fault.versions && (!target.version || !fault.versions.includes(target.version))) return false;
  if (fault.kind && fault.kind !== target.kind) return false;
  if (fault.route && fault.route !== "*") {
    if (!target.template) return false;
    const wanted = fault.route.toLowerCase().replace(/\/+$/, "");
    const template = target.template.toLowerCase();
    const withoutVersion = template.slice(template.indexOf("/", 1));
    if (wanted !== template && wanted !== withoutVersion) return false;
  }
  return true;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  429: "Too many requests. Retry later.",
  500: "An internal server error occurred.",
  502: "Bad gateway.",
  503: "The service is temporarily unavailable. Retry later.",
  504: "The gateway timed out.",
};

export function faultMessage(fault: FaultSpec, status: number): string {
  return fault.message ?? DEFAULT_MESSAGES[status] ?? `The request failed with HTTP ${status}.`;
}
