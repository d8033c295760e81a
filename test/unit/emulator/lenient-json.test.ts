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

  // Bodies are parsed before any authentication (token route, control API): the parser must be
  // linear, or one such request stalls the emulator for anyone. A parser that rescans what it has
  // read takes tens of seconds for this; the bound is generous on purpose.
  it("parses 1.2 MB of ordinary JSON, with comments and trailing commas, in well under a second", () => {
    const items = Array.from({ length: 16_000 }, (_, id) => ({ id, name: `user-${id}@contoso.onmicrosoft.com`, enabled: true, tags: ["a", "b"] }));
    const text = JSON.stringify({ items }).replace(/\},\{/g, "}, // next\n{").replace(/\]\}$/, ", /* last */ ]}");
    expect(text.length).to.be.above(1_200_000);
    const started = performance.now();
    const parsed = parseLenientJson(text) as { items: unknown[] };
    const elapsedMs = performance.now() - started;
    expect(parsed.items).to.deep.equal(items);
    expect(elapsedMs, `${Math.round(elapsedMs)} ms`).to.be.below(1_000);
  });
});
