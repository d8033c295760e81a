import { expect } from "chai";
import { describe, it } from "mocha";
import { Vb365ApiError } from "../../../provider/client/errors";
import { reportingErrors } from "../../../provider/common/errors";

async function rejectionOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await reportingErrors(work);
  } catch (error) {
    return error;
  }
  throw new Error("reportingErrors resolved");
}

describe("errors at the provider boundary", () => {
  it("passes the work's result through", async () => {
    expect(await reportingErrors(async () => 42)).to.equal(42);
  });

  it("turns an error with a string code, which gRPC would read as its status, into a plain one with the same message", async () => {
    const thrown = new Vb365ApiError({ method: "GET", path: "/v8/Organizations", status: 404, veeamMessage: "Not found." });
    const reported = await rejectionOf(async () => {
      throw thrown;
    });
    expect(reported).to.be.instanceOf(Error).and.not.equal(thrown);
    expect((reported as Error).message).to.equal("VB365 GET /v8/Organizations failed with 404: Not found.");
    expect(reported).not.to.have.property("code");
  });

  it("leaves an error without a code, or with a numeric one, as it is", async () => {
    for (const thrown of [new Error("plain"), Object.assign(new Error("numbered"), { code: 14 })]) {
      expect(
        await rejectionOf(async () => {
          throw thrown;
        }),
      ).to.equal(thrown);
    }
  });

  it("makes an Error of anything else that is thrown", async () => {
    const reported = await rejectionOf(async () => {
      throw "a string";
    });
    expect(reported).to.be.instanceOf(Error);
    expect((reported as Error).message).to.equal("a string");
  });
});
