import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import { before, describe, it } from "mocha";

interface Declared {
  limitBefore: number;
  limitAfter: number;
  limitAfterDeclaring: number;
  promises: number;
  promisesWithFrames: number;
  sourcePositions: string[];
  /** The file of every frame of each resource's stack trace, as the engine was sent them. */
  stackTraces: string[][];
  /** The inputs the engine was sent, by resource type, secrets as Pulumi's wire format marks them. */
  registered: Record<string, Record<string, unknown>>;
  thrownStack: string;
}

const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
const secretOf = (value: unknown) => ({ [SECRET_SIGNATURE]: "1b47061264138c4ac30d75fd1eb44270", value });

// Mocks are global to the Pulumi runtime, so the declarations run in a process of their own.
function declareUnderMocks(env: Record<string, string | undefined>): Declared {
  const script = path.join(__dirname, "..", "..", "helpers", "declare-under-mocks.ts");
  const output = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return JSON.parse(output) as Declared;
}

describe("declaring pulumi-vb365 resources against Pulumi's mock engine", () => {
  let declared: Declared;
  let debugging: Declared;

  before(function () {
    this.timeout(60_000);
    declared = declareUnderMocks({ PULUMI_DEBUG_PROMISE_LEAKS: undefined });
    debugging = declareUnderMocks({ PULUMI_DEBUG_PROMISE_LEAKS: "1" });
  });

  describe("Vb365Organization's settings as the engine receives them", () => {
    const organization = () => declared.registered["pulumi-nodejs:dynamic/vb365:Organization"];

    it("sends a password and a client secret given as plain strings as secrets", () => {
      const settings = organization().exchangeOnlineSettings as Record<string, unknown>;
      expect(settings.password).to.deep.equal(secretOf("plain-account-password"));
      expect(settings.applicationSecret).to.deep.equal(secretOf("plain-client-secret"));
    });

    it("leaves the fields that are not credentials readable", () => {
      expect(organization().exchangeOnlineSettings).to.deep.include({
        account: "backup@contoso.onmicrosoft.com",
        applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10",
      });
    });

    it("sends settings that are an Output as a whole as one secret", () => {
      expect(organization().sharePointOnlineSettings).to.deep.equal(
        secretOf({ applicationId: "0b3e9a5c-1f7d-4c2e-9a61-2f4b8d6e7c10", officeOrganizationName: "contoso.onmicrosoft.com" }),
      );
    });
  });

  describe("declaring resources without the SDK's promise stack traces", () => {
    it("records no stack trace for the promises behind a resource's outputs, and puts the limit back", () => {
      expect(declared.promises).to.be.greaterThan(50);
      expect(declared.promisesWithFrames).to.equal(0);
      expect(declared.limitAfterDeclaring).to.equal(declared.limitBefore);
      expect(declared.limitAfter).to.equal(declared.limitBefore);
    });

    it("keeps every stack trace when PULUMI_DEBUG_PROMISE_LEAKS asks for them", () => {
      expect(debugging.promises).to.equal(declared.promises);
      expect(debugging.promisesWithFrames).to.equal(debugging.promises);
    });

    it("still sends the engine each resource's source position", () => {
      const { sourcePositions } = declared;
      expect(sourcePositions).to.have.length(2);
      for (const uri of sourcePositions) expect(uri).to.match(/^file:\/\/.*\.ts$/);
    });

    it("points each resource's source position and stack trace at the program that declared it, not into pulumi-vb365", () => {
      const { sourcePositions, stackTraces } = declared;
      for (const uri of sourcePositions) expect(uri).to.match(/\/test\/helpers\/declare-under-mocks\.ts$/);
      expect(stackTraces).to.have.length(2);
      for (const frames of stackTraces) {
        expect(frames[0]).to.match(/\/test\/helpers\/declare-under-mocks\.ts$/);
        expect(frames.filter((uri) => uri.includes("/provider/"))).to.deep.equal([]);
      }
    });

    it("gives an error thrown while declaring the frames of the code that declared it", () => {
      const { thrownStack } = declared;
      expect(thrownStack).to.match(/^Error: Missing resource name/);
      expect(thrownStack).to.include("declare-under-mocks.ts");
    });
  });
});
