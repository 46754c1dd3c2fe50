import { createHash } from "node:crypto";

/** SHA-256 of a string, as hex: how every secret token is stored (only its hash), and stable keys. */
export const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex");
