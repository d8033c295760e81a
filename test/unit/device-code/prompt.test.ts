import { PassThrough } from "node:stream";
import { expect } from "chai";
import { describe, it } from "mocha";
import { InterruptedError } from "../../../cli/interrupted";
import { promptHidden } from "../../../cli/prompt";
import { UsageError } from "../../../cli/usage-error";
import { rejection } from "../../helpers/rejection";

/** A fake terminal: what is typed goes into `input`, what the program shows comes out of `output`. */
function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
  Object.assign(input, { setRawMode: (mode: boolean) => input.rawModes.push(mode) });
  const output = new PassThrough();
  let shown = "";
  output.setEncoding("utf8").on("data", (chunk: string) => (shown += chunk));
  return { input, output, shown: () => shown };
}

describe("promptHidden", () => {
  it("reads a line without echoing it, and restores the terminal", async () => {
    const { input, output, shown } = terminal();
    const answer = promptHidden("Password of admin at https://vb365:4443: ", input, output);
    input.write("S3cret-typed\r");
    expect(await answer).to.equal("S3cret-typed");
    expect(shown()).to.equal("Password of admin at https://vb365:4443: \n");
    expect(input.rawModes).to.deep.equal([true, false]);
  });

  it("refuses an empty answer", async () => {
    const { input, output } = terminal();
    const answer = promptHidden("Password: ", input, output);
    input.write("\r");
    const error = await rejection(answer);
    expect(error).to.be.instanceOf(UsageError);
    expect((error as Error).message).to.equal("No password entered.");
  });

  it("treats Ctrl-C as an interruption", async () => {
    const { input, output } = terminal();
    const answer = promptHidden("Password: ", input, output);
    input.write("\x03");
    const error = await rejection(answer);
    expect(error).to.be.instanceOf(InterruptedError);
  });
});
