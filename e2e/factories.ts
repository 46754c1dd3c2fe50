import { randomInt, randomUUID } from "node:crypto";

/** A person who does not exist yet: unique per call so specs never collide, even in parallel. */
export function newPerson(prefix = "rep") {
  const id = randomUUID().slice(0, 8);
  return {
    name: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${id}`,
    email: `${prefix}-${id}@example.test`,
    password: `pw-${id}-long-enough`,
  };
}

export type Person = ReturnType<typeof newPerson>;

/** An address from the benchmarking range 198.18.0.0/15, unique enough per call: a browser's own X-Forwarded-For,
 * so that a spec's sign-ins count against rate limits of its own and not 127.0.0.1's. */
export const newIp = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`;
