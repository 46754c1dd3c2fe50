// A real SMTP server on a loopback port for tests and the digest benchmark: records what arrived, and can
// refuse deliveries (to test retries). Messages are decoded just enough to assert on headers and both parts.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  from: string;
  to: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
};

export type SmtpSink = {
  url: string;
  received: ReceivedMail[];
  /** Answers the next `n` messages with a temporary failure (451). */
  refuseNext(n: number): void;
  /** Keep only a count (benchmarks); `received` stays empty. */
  countOnly: boolean;
  count: number;
  close(): Promise<void>;
};

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*(?==\?)?/g, (_m, _cs, enc: string, data: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split(/\r\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

function decodeBody(body: string, encoding = ""): string {
  const enc = encoding.toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable") {
    const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** Splits a message into its headers and its text and HTML parts (one level of multipart, as nodemailer sends). */
export function parseMail(raw: string): Pick<ReceivedMail, "headers" | "subject" | "text" | "html"> {
  const split = raw.indexOf("\r\n\r\n");
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const parts = { text: "", html: "" };
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  const chunks = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw.slice(0)];
  for (const chunk of chunks) {
    const c = chunk.replace(/^\r\n/, "");
    const s = c.indexOf("\r\n\r\n");
    const h = boundary ? parseHeaders(c.slice(0, s)) : headers;
    const b = boundary ? c.slice(s + 4).replace(/\r\n$/, "") : body;
    const type = h["content-type"] ?? "text/plain";
    const decoded = decodeBody(b, h["content-transfer-encoding"]);
    if (type.startsWith("text/html")) parts.html = decoded;
    else if (type.startsWith("text/plain")) parts.text = decoded;
  }
  return { headers, subject: decodeWords(headers["subject"] ?? ""), ...parts };
}

/**
 * Starts an SMTP server on 127.0.0.1 at a free port (or the given one). `delayMs` holds each message that long
 * before accepting it: a slow mail server, so a sender is caught mid-delivery.
 */
export async function startSmtpSink(opts: { port?: number; delayMs?: number } = {}): Promise<SmtpSink> {
  let refuse = 0;
  const sink: SmtpSink = {
    url: "",
    received: [],
    countOnly: false,
    count: 0,
    refuseNext: (n) => {
      refuse = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => (opts.delayMs ? setTimeout(accept, opts.delayMs) : accept()));
      const accept = () => {
        if (refuse > 0) {
          refuse--;
          const err = Object.assign(new Error("Mailbox temporarily unavailable, try again later"), { responseCode: 451 });
          return callback(err);
        }
        sink.count++;
        if (!sink.countOnly) {
          const raw = Buffer.concat(chunks).toString("utf8");
          sink.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            ...parseMail(raw),
          });
        }
        callback();
      };
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", () => resolve()));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
