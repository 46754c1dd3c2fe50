import { HEALTH_POLL_MS } from "./database-unavailable";

/**
 * The "temporarily unavailable" page as a whole HTML document, for proxy.ts to answer with 503 while the
 * database is down (a page render can only answer 500). It says what app/error.tsx says in the same look (the
 * app's colour tokens, light and dark), asks /api/health every few seconds, and reloads once the app is back.
 * The one script carries this response's CSP nonce.
 */
export function unavailablePageHtml(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · SSI Leaderboard</title>
<style>
:root{color-scheme:light;--canvas:#f4f6f8;--fg:#111827;--muted:#4b5563;--brand:#0a66c2}
@media (prefers-color-scheme:dark){:root{color-scheme:dark;--canvas:#0b1118;--fg:#e7ecf2;--muted:#a3b0bf;--brand:#70b5f9}}
body{margin:0;min-height:100dvh;background:var(--canvas);color:var(--fg);font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{display:flex;min-height:60dvh;flex-direction:column;align-items:center;justify-content:center;gap:1rem;padding:4rem 1rem;text-align:center}
h1{margin:0;font-size:1.5rem;line-height:2rem;font-weight:700}
p{margin:0;max-width:28rem;font-size:.875rem;line-height:1.25rem;color:var(--muted)}
.status{display:flex;align-items:center;gap:.5rem}
.dot{display:inline-block;width:.5rem;height:.5rem;border-radius:9999px;background:var(--brand);animation:pulse 2s cubic-bezier(.4,0,.6,1) infinite}
@keyframes pulse{50%{opacity:.5}}
@media (prefers-reduced-motion:reduce){.dot{animation:none}}
</style>
</head>
<body>
<main id="main" data-testid="unavailable">
<h1>SSI Leaderboard is temporarily unavailable</h1>
<p>We can&#39;t reach the database right now. Scores already saved are safe, and this page comes back by itself as soon as the app is available again.</p>
<p class="status" role="status" aria-live="polite"><span class="dot" aria-hidden="true"></span>Checking again every few seconds…</p>
</main>
<script nonce="${nonce}">
(function check(){fetch("/api/health",{cache:"no-store"}).then(function(r){if(r.ok)location.reload();else setTimeout(check,${HEALTH_POLL_MS})},function(){setTimeout(check,${HEALTH_POLL_MS})})})();
</script>
</body>
</html>`;
}
