import { z } from "zod";
import type { ApplicationCertificateInput, Controller } from "./controller";
import { ApiError } from "./errors";
import { empty, json, parseJsonText, type Reply } from "./http";
import type { FaultSpec } from "./faults";
import type { InventoryInput } from "./inventory";
import type { EmulatorSettings } from "./settings";
import type { TokenKind } from "./tokens";

/** Control routes live under this prefix; nothing in the VB365 API starts with it. */
export const CONTROL_PREFIX = "/__emulator";

export function isControlPath(pathname: string): boolean {
  return pathname === "/ping" || pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
}

type Handler = (controller: Controller, body: unknown, params: string[], query: URLSearchParams) => Reply;

function resetCounters(controller: Controller): Reply {
  controller.resetCounters();
  return empty();
}

// [method, path pattern, handler]. Each mirrors a method of the Emulator object (index.ts).
const CONTROL_ROUTES: ReadonlyArray<readonly [string, RegExp, Handler]> = [
  ["GET", /^\/ping$/, () => json(200, { status: "ok" })],
  ["GET", /^\/__emulator\/ping$/, () => json(200, { status: "ok" })],
  ["POST", /^\/__emulator\/reset$/, (c) => {
    c.reset();
    return empty();
  }],
  ["GET", /^\/__emulator\/state$/, (c) => json(200, c.state())],
  ["GET", /^\/__emulator\/settings$/, (c) => json(200, c.settings())],
  ["PATCH", /^\/__emulator\/settings$/, (c, body) => json(200, c.configure(object(body) as Partial<EmulatorSettings>))],
  ["POST", /^\/__emulator\/users$/, (c, body) => {
    const user = object(body);
    c.addUser(String(user.name ?? ""), String(user.password ?? ""));
    return empty();
  }],
  ["GET", /^\/__emulator\/organizations\/([^/]+)\/inventory$/, (c, _body, [id]) => json(200, c.inventory(id!))],
  ["PUT", /^\/__emulator\/organizations\/([^/]+)\/inventory$/, (c, body, [id]) => json(200, c.setInventory(id!, object(body) as InventoryInput))],
  ["GET", /^\/__emulator\/applications$/, (c) => json(200, c.applications())],
  ["POST", /^\/__emulator\/applications\/([^/]+)\/certificates$/, (c, body, [id]) => json(201, c.addApplicationCertificate(id!, object(body) as ApplicationCertificateInput))],
  ["DELETE", /^\/__emulator\/applications\/([^/]+)\/certificates\/([^/]+)$/, (c, _body, [id, thumbprint], query) => {
    c.removeApplicationCertificate(id!, thumbprint!, query.get("organizationName") ?? undefined);
    return empty();
  }],
  ["GET", /^\/__emulator\/trust$/, (c) => json(200, c.trustReport())],
  ["GET", /^\/__emulator\/device-codes$/, (c) => json(200, c.deviceCodes())],
  ["POST", /^\/__emulator\/device-codes\/([^/]+)\/approve$/, (c, body, [userCode]) => {
    const approval = object(body ?? {});
    return json(200, c.approveDeviceCode(userCode!, optionalString(approval.organizationName), optionalString(approval.tenantId)));
  }],
  ["GET", /^\/__emulator\/faults$/, (c) => json(200, c.faults())],
  ["POST", /^\/__emulator\/faults$/, (c, body) => json(201, c.injectFault(object(body) as FaultSpec))],
  ["DELETE", /^\/__emulator\/faults$/, (c) => {
    c.clearFaults();
    return empty();
  }],
  ["DELETE", /^\/__emulator\/faults\/([^/]+)$/, (c, _body, [id]) => {
    c.removeFault(id!);
    return empty();
  }],
  ["POST", /^\/__emulator\/tokens\/expire$/, (c, body) => {
    const which = object(body ?? {}).which;
    c.expireTokens((which ?? "all") as TokenKind);
    return empty();
  }],
  ["POST", /^\/__emulator\/clock\/advance$/, (c, body) => json(200, { now: c.advanceClock(Number(object(body).ms)).toISOString() })],
  ["GET", /^\/__emulator\/requests$/, (c) => json(200, c.requests())],
  ["DELETE", /^\/__emulator\/requests$/, resetCounters],
  ["GET", /^\/__emulator\/counters$/, (c) => json(200, c.counters())],
  ["DELETE", /^\/__emulator\/counters$/, resetCounters],
];

/** Answers a control request. Errors come back as `{ message }` with 400, 404 or 405. */
export function handleControl(controller: Controller, method: string, pathname: string, rawBody: Buffer, query: URLSearchParams): Reply {
  try {
    let pathMatched = false;
    for (const [routeMethod, pattern, handler] of CONTROL_ROUTES) {
      const found = pattern.exec(pathname);
      if (!found) continue;
      pathMatched = true;
      if (routeMethod !== method) continue;
      const params = found.slice(1).map((segment) => decodeURIComponent(segment));
      return handler(controller, parseJsonText(rawBody, false), params, query);
    }
    return pathMatched
      ? json(405, { message: `The control route ${pathname} does not support ${method}.` })
      : json(404, { message: `There is no control route ${pathname}. See docs/emulator.md.` });
  } catch (error) {
    if (error instanceof ApiError) return json(error.status, { message: error.message });
    throw error;
  }
}

function object(body: unknown): Record<string, unknown> {
  const parsed = z.record(z.string(), z.unknown()).safeParse(body);
  if (!parsed.success) throw new ApiError(400, "The request body must be a JSON object.");
  return parsed.data;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
