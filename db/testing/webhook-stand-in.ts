// A real local HTTP server standing in for Slack's or Teams' incoming webhooks in tests: it records every POST
// and answers from a queue of scripted replies (200 "ok" when the queue is empty).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Reply = { status: number; body?: string; headers?: Record<string, string>; /** answer only after this long */ delayMs?: number };
export type Received = { path: string; contentType: string; body: string; json: unknown; answered: number | null };

export type WebhookStandIn = {
  origin: string;
  /** A webhook URL on this server (its path looks like a secret token). */
  url: (path?: string) => string;
  received: Received[];
  /** The posts the service accepted (answered 2xx before the client gave up): what the channel would show. */
  delivered: () => Received[];
  replyNext: (...replies: Reply[]) => void;
  reset: () => void;
  close: () => Promise<void>;
};

export async function startWebhookStandIn(port = 0): Promise<WebhookStandIn> {
  const received: Received[] = [];
  let queue: Reply[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {}
      const entry: Received = { path: req.url ?? "", contentType: String(req.headers["content-type"] ?? ""), body, json, answered: null };
      received.push(entry);
      const reply = queue.shift() ?? { status: 200, body: "ok" };
      const send = () => {
        // A client that gave up (timeout) never saw this answer: the post does not count as delivered.
        if (res.destroyed || req.socket.destroyed) return;
        entry.answered = reply.status;
        res.writeHead(reply.status, { "content-type": "text/plain", ...reply.headers });
        res.end(reply.body ?? "");
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = "/services/T0TEST/B0TEST/s3cr3tT0kenXYZ9") => `${origin}${path}`,
    received,
    delivered: () => received.filter((r) => r.answered !== null && r.answered >= 200 && r.answered < 300),
    replyNext: (...replies) => queue.push(...replies),
    reset: () => {
      received.length = 0;
      queue = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
