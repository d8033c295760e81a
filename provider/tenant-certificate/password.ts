import { randomInt } from "node:crypto";

// Printable ASCII minus the characters that still mean something inside double quotes in bash,
// PowerShell or cmd (" ' ` \ $ ! % &) and space, so the password can be pasted anywhere.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789#()*+,-./:;<=>?@[]^_{|}~";

/** 48 characters from an 86-character alphabet: about 308 bits of entropy. */
export function generatePassword(length = 48): string {
  let password = "";
  for (let i = 0; i < length; i++) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}
