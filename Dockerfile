# SSI Leaderboard as a container: the self-contained server (npm run build:standalone), run by a non-root user.
# Thin over the start command that npm test checks (tests/production/standalone.test.ts); the image itself is not
# built in CI here. Build: docker build -t ssi-leaderboard .   Run: see compose.yaml, or
#   docker run -p 3000:3000 -v ssi-data:/data -e AUTH_URL=http://localhost:3000 ssi-leaderboard
# (no DATABASE_URL: the embedded database in /data; one container per volume).

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# Dev dependencies are build tools here (Tailwind's PostCSS plugin, TypeScript): install them, and never set
# NODE_ENV=production before this step.
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
RUN SKIP_BUILD_TYPECHECK=1 npx next build && node scripts/standalone.mjs

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data \
    PGLITE_DIR=/data/pglite
WORKDIR /app
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin ssi \
 && mkdir /data && chown ssi:ssi /data
COPY --from=build --chown=root:root /src/.next/standalone ./
USER ssi
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# server/cluster.mjs: one process on the embedded database; on PostgreSQL one worker per core (WEB_CONCURRENCY
# overrides) behind a small primary. SIGTERM: each server stops accepting, finishes requests in flight (up to
# SHUTDOWN_TIMEOUT_MS, 10 s), releases outbox claims, closes the database and exits 0 (the primary once all have).
# Give it more than that (compose: stop_grace_period).
# The heap limit: 192 MiB for Next and the app + 2 × (CACHE_MAX_MB + PAGE_CACHE_MAX_MB), 320 with the defaults
# (server/start-command.mjs, heapLimitMiB); raise it with the caches, or the start warns.
STOPSIGNAL SIGTERM
CMD ["node", "--max-old-space-size=320", "server/cluster.mjs", "server.js"]
