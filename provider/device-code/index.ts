export { deviceCodeLogin, requestDeviceCode } from "./login";
export { waitForSignIn } from "./poll";
export type { SignIn, WaitOptions } from "./poll";
export { deviceCodeRegion } from "./region";
export { formatDuration, formatUtc, Vb365DeviceCodeError } from "./errors";
export type { DeviceCodeErrorCode } from "./errors";
export type {
  DeviceCodeClient,
  DeviceCodeClock,
  DeviceCodeLoginOptions,
  DeviceCodeLoginResult,
  DeviceCodeProgress,
  DeviceCodeVerification,
} from "./types";
