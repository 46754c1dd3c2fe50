import { randomUUID } from "node:crypto";

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
