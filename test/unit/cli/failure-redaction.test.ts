import { expect } from "chai";
import { describe, it } from "mocha";
import { describeFailure, type FailureContext, failureText, knownSecret } from "../../../cli/failure";
import { PulumiError } from "../../../cli/pulumi/errors";

describe("the CLI's failure report", () => {
  const userCode = "ABCD-EFGH-1234";
  const password = 'pä"ss\\word';

  function context(): FailureContext {
    const known: FailureContext = { url: "https://vb365:4443" };
    knownSecret(known, password);
    knownSecret(known, userCode);
    return known;
  }

  it("redacts what the command knows from a tool's message, in any case or escaping, and keeps the rest", () => {
    const error = new PulumiError(`Writing deviceCode-contoso failed: pulumi said "${userCode.toLowerCase()}" is not valid; config was {"vb365:password":${JSON.stringify(password)}}.`);
    expect(describeFailure(error, context())).to.deep.equal({
      exitCode: 8,
      code: "pulumi",
      message: 'Writing deviceCode-contoso failed: pulumi said "[secret]" is not valid; config was {"vb365:password":"[secret]"}.',
    });
  });

  it("redacts the stack trace VB365_DEBUG adds, and the hint, as well as the message", () => {
    const error = new Error(`Cannot read ${password}`);
    const known = context();
    const text = failureText("device-code", error, describeFailure(error, known), known, { VB365_DEBUG: "1" });
    const lines = text.split("\n");
    expect(lines.slice(0, 3)).to.deep.equal(["vb365 device-code: Unexpected error: Cannot read [secret]", "Set VB365_DEBUG=1 to see where it happened, and report it.", "Error: Cannot read [secret]"]);
    expect(lines[3]).to.match(/^\s+at /);
    expect(text).not.to.contain(password);
  });
});
