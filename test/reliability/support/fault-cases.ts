import type { FaultSpec, RouteKind, TokenKind } from "../../../emulator";
import { FLEET_SIZE, type Fleet, TIMEOUT_SECONDS } from "./fleet";
import type { CallKind, FaultName } from "./results";

export const FAULTS: readonly FaultName[] = ["429 + Retry-After", "503", "reset before", "reset after", "timeout", "tokens expired"];

/** Which engine operation (or library call) exercises a call kind, and what the server must hold afterwards. */
export type Operation = "update" | "refresh" | "delete" | "create" | "list" | "device code";

export const OPERATION_NAMES: Record<Operation, string> = {
  update: `pulumi up with an input change (isTeamsOnline of all ${FLEET_SIZE})`,
  refresh: `pulumi refresh (${FLEET_SIZE} reads)`,
  delete: `pulumi destroy --target (the ${FLEET_SIZE} organizations)`,
  create: `pulumi up creating the ${FLEET_SIZE} organizations`,
  list: `pulumi up creating the ${FLEET_SIZE}, three creates answered by a reset after the server acted, so the provider lists to recover`,
  "device code": "deviceCodeLogin (the vb365 device-code library), then the pulumi up that uses the code",
};

/** What a case injects, and how to tell afterwards that it fired. */
export interface Armed {
  description: string;
  fired(): number;
}

export interface FaultCase {
  id: string;
  callKind: CallKind;
  fault: FaultName;
  operation: Operation;
  persistent: boolean;
  arm(fleet: Fleet): Armed;
}

interface Shape {
  skip?: number;
  /** Omitted: the fault never stops (persistent cases). */
  times?: number;
}

/** The emulator fault spec of `fault` on requests of `kind`; undefined for token expiry, which is an action. */
function specFor(kind: RouteKind, fault: FaultName, shape: Shape): FaultSpec | undefined {
  const base = { kind, ...(shape.skip ? { skip: shape.skip } : {}), ...(shape.times ? { times: shape.times } : {}) };
  switch (fault) {
    case "429 + Retry-After":
      return { ...base, status: 429, retryAfterSeconds: 1 };
    case "503":
      return shape.times ? { ...base, status: 503 } : { ...base, status: 503, retryAfterSeconds: 1 };
    case "reset before":
      return { ...base, reset: "before" };
    case "reset after":
      return { ...base, reset: "after" };
    case "timeout":
      // Both connections, v8 and the v7 entry, have the fleet's low timeout.
      return { ...base, latencyMs: (TIMEOUT_SECONDS + 1.5) * 1000 };
    case "tokens expired":
      return undefined;
  }
}

/** Injects `fault` on `kind`, or (tokens expired) expires tokens right after the `after`-th request of `afterKind`. */
function inject(fleet: Fleet, kind: RouteKind, fault: FaultName, shape: Shape, expiry: { afterKind: RouteKind; after: number; which: TokenKind }): Armed {
  const spec = specFor(kind, fault, shape);
  if (spec) {
    const id = fleet.emulator.injectFault(spec).id;
    return { description: JSON.stringify(spec), fired: () => fleet.emulator.faults().find((f) => f.id === id)?.fired ?? 0 };
  }
  let fired = 0;
  fleet.hooks.after(expiry.afterKind, expiry.after, () => {
    fleet.emulator.expireTokens(expiry.which);
    fired++;
  });
  return { description: `expireTokens("${expiry.which}") right after request ${expiry.after} of ${expiry.afterKind}`, fired: () => fired };
}

function combine(...armed: Armed[]): Armed {
  return { description: armed.map((a) => a.description).join(" + "), fired: () => armed.reduce((sum, a) => sum + a.fired(), 0) };
}

function make(callKind: CallKind, fault: FaultName, operation: Operation, arm: (fleet: Fleet) => Armed, persistent = false): FaultCase {
  return { id: `${callKind} × ${fault}${persistent ? " (persistent)" : ""}`, callKind, fault, operation, persistent, arm };
}

// Faults fire mid-run: the first `skip` matching requests pass, then `times` fail.
const MID_RUN: Shape = { skip: 5, times: 3 };
/** For faults other than token expiry, which never read it. */
const NO_EXPIRY = { afterKind: "token" as RouteKind, after: 1, which: "access" as TokenKind };

export function tokenCases(): FaultCase[] {
  const cases = FAULTS.map((fault) =>
    make("token", fault, "update", (fleet) =>
      // Two connections (v8 and the legacy v7 entry) log in once each; expiring every token
      // mid-run sends both back to the token endpoint, the refresh token refused too.
      inject(fleet, "token", fault, { times: fault === "reset after" || fault === "timeout" ? 1 : 2 }, { afterKind: "organizations.update", after: 8, which: "all" }),
    ),
  );
  cases.push(make("token", "429 + Retry-After", "update", (fleet) => inject(fleet, "token", "429 + Retry-After", {}, NO_EXPIRY), true));
  return cases;
}

export function updateCases(): FaultCase[] {
  return FAULTS.map((fault) =>
    make("update", fault, "update", (fleet) =>
      inject(fleet, "organizations.update", fault, fault === "timeout" ? { skip: 5, times: 2 } : MID_RUN, { afterKind: "organizations.update", after: 5, which: "access" }),
    ),
  );
}

export function readCases(): FaultCase[] {
  // A refresh reads them all from one shared listing per connection: the listing is the read.
  const cases = FAULTS.map((fault) =>
    make("read", fault, "refresh", (fleet) => inject(fleet, "organizations.list", fault, { times: 1 }, { afterKind: "token", after: 1, which: "access" })),
  );
  cases.push(make("read", "503", "refresh", (fleet) => inject(fleet, "organizations.list", "503", {}, NO_EXPIRY), true));
  return cases;
}

export function deleteCases(): FaultCase[] {
  const cases = FAULTS.map((fault) =>
    make("delete", fault, "delete", (fleet) =>
      inject(fleet, "organizations.delete", fault, fault === "timeout" ? { skip: 5, times: 2 } : MID_RUN, { afterKind: "organizations.delete", after: 5, which: "access" }),
    ),
  );
  // Half the deletes pass, the rest meet a 429 that never ends.
  cases.push(make("delete", "429 + Retry-After", "delete", (fleet) => inject(fleet, "organizations.delete", "429 + Retry-After", { skip: FLEET_SIZE / 2 }, NO_EXPIRY), true));
  return cases;
}

export function createCases(): FaultCase[] {
  const cases = FAULTS.map((fault) =>
    make("create", fault, "create", (fleet) =>
      inject(fleet, "organizations.create", fault, fault === "timeout" ? { skip: 5, times: 2 } : MID_RUN, { afterKind: "organizations.create", after: 5, which: "access" }),
    ),
  );
  // Most creates pass, the last four meet a 503 that never ends.
  cases.push(make("create", "503", "create", (fleet) => inject(fleet, "organizations.create", "503", { skip: FLEET_SIZE - 4 }, NO_EXPIRY), true));
  return cases;
}

export function listCases(): FaultCase[] {
  return FAULTS.map((fault) =>
    make("list", fault, "list", (fleet) =>
      combine(
        inject(fleet, "organizations.create", "reset after", { skip: 3, times: 3 }, NO_EXPIRY),
        inject(fleet, "organizations.list", fault, { times: fault === "timeout" ? 1 : 2 }, { afterKind: "organizations.create", after: 4, which: "access" }),
      ),
    ),
  );
}

/** The device-code call each fault lands on: issuing the code, or polling for the sign-in. */
const DEVICE_CODE_KIND: Record<FaultName, RouteKind> = {
  "429 + Retry-After": "deviceCode.create",
  "503": "deviceCode.check",
  "reset before": "deviceCode.create",
  "reset after": "deviceCode.create",
  timeout: "deviceCode.check",
  "tokens expired": "deviceCode.check",
};

export function deviceCodeCases(): FaultCase[] {
  return FAULTS.map((fault) =>
    make("device code", fault, "device code", (fleet) =>
      inject(fleet, DEVICE_CODE_KIND[fault], fault, { skip: DEVICE_CODE_KIND[fault] === "deviceCode.check" ? 1 : 0, times: fault === "timeout" ? 1 : 2 }, {
        afterKind: "deviceCode.create",
        after: 1,
        which: "all",
      }),
    ),
  );
}
