import { z } from "zod";
import { bind, ciEnum, ciObject, guid } from "../binding";
import { deviceCodeMessage, verificationUrl } from "../device-codes";
import { json, parseJsonBody, type Reply } from "../http";
import { REGIONS } from "../model";
import type { RouteContext, RouteDefinition } from "./types";

// RESTCommonDeviceCodeRequestOptions; v8 adds loginGraphAppOrganizationId (SPEC8), which older
// versions ignore as an unknown property.
const requestOptions = ciObject({
  targetRegion: ciEnum(REGIONS).nullish(),
  loginGraphAppOrganizationId: z.preprocess((raw) => (raw === "" ? null : raw), guid().nullish()),
});

const checkBody = ciObject({ userCode: z.string().trim().min(1) });

/** POST /vN/DeviceCode → RESTDeviceCodeResponse (§3.1). A null targetRegion means Worldwide (decided). */
function createDeviceCode(context: RouteContext): Reply {
  const body = bind(requestOptions, parseJsonBody(context.rawBody, context.contentType, true), "the request body");
  const graphApp = context.version === "v8" ? (body.loginGraphAppOrganizationId ?? null) : null;
  const code = context.store.deviceCodes.create(body.targetRegion ?? "Worldwide", graphApp);
  return json(200, {
    userCode: code.userCode,
    verificationUrl: verificationUrl(code.region),
    expiresIn: Math.round((code.expiresAt - code.issuedAt) / 1000),
    message: deviceCodeMessage(code),
  });
}

/** POST /vN/DeviceCode/check → RESTDeviceCodeCheckResponse (§3.2). */
function checkDeviceCode(context: RouteContext): Reply {
  const body = bind(checkBody, parseJsonBody(context.rawBody, context.contentType, true), "the request body");
  return json(200, { authenticated: context.store.deviceCodes.check(body.userCode) });
}

export const deviceCodeRoutes: RouteDefinition[] = [
  { method: "POST", path: "/DeviceCode", versions: ["v6", "v7", "v8"], kind: "deviceCode.create", handle: createDeviceCode },
  { method: "POST", path: "/DeviceCode/check", versions: ["v6", "v7", "v8"], kind: "deviceCode.check", handle: checkDeviceCode },
];
