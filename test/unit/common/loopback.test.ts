import { expect } from "chai";
import { describe, it } from "mocha";
import { isLoopbackHost } from "../../../provider/common/loopback";

describe("isLoopbackHost", () => {
  it("takes localhost (also fully qualified), 127.0.0.0/8 and ::1 in any spelling, bracketed or not, in any case", () => {
    const loopback = [
      "localhost",
      "LOCALHOST",
      "localhost.",
      "Localhost.",
      "127.0.0.1",
      "127.255.255.254",
      "::1",
      "[::1]",
      "0:0:0:0:0:0:0:1",
      "[0::1]",
      "::ffff:127.0.0.1",
      "[::ffff:7f00:1]",
      " 127.0.0.1 ",
    ];
    expect(loopback.filter((host) => !isLoopbackHost(host))).to.deep.equal([]);
  });

  it("refuses every other machine, the wildcard addresses, look-alike names and a host with a port", () => {
    const beyond = [
      "",
      "0.0.0.0",
      "::",
      "[::]",
      "128.0.0.1",
      "10.0.0.1",
      "::2",
      "::ffff:10.0.0.1",
      "localhost.example",
      "localhost..",
      "my-localhost",
      "127.0.0.1.example",
      "localhost:80",
      "127.0.0.1:80",
      "[::1]:443",
    ];
    expect(beyond.filter((host) => isLoopbackHost(host))).to.deep.equal([]);
  });
});
