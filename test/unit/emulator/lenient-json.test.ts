import { expect } from "chai";
import { describe, it } from "mocha";
import { parseLenientJson } from "../../../emulator/lenient-json";

describe("emulator JSON bodies, read as Json.NET reads them", () => {
  it("accepts trailing commas in objects and arrays", () => {
    expect(parseLenientJson('{"a": 1, "b": [1, 2, ], }')).to.deep.equal({ a: 1, b: [1, 2] });
    expect(parseLenientJson('{"a": {"b": true,\n},\n}')).to.deep.equal({ a: { b: true } });
  });

  it("accepts line and block comments", () => {
    expect(parseLenientJson('{\n  // the tenant\n  "a": /* inline */ 1 /* after */\n}')).to.deep.equal({ a: 1 });
    expect(parseLenientJson('{"a": 1, // last one\n}')).to.deep.equal({ a: 1 });
  });

  it("leaves strings as they are, escapes included", () => {
    expect(parseLenientJson('{"url": "https://x/y", "text": "a,}", "quote": "say \\"hi\\", //no"}')).to.deep.equal({ url: "https://x/y", text: "a,}", quote: 'say "hi", //no' });
  });

  it("still refuses what is not JSON", () => {
    for (const text of ["{", '{"a": 1,, "b": 2}', "{,}", '{"a": 1 /* open', "[1 2]", "[1,,]"]) {
      expect(() => parseLenientJson(text), text).to.throw(SyntaxError);
    }
  });
});
