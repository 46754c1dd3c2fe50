// The "Send my SSI" bookmarklet. Run on the rep's open linkedin.com/sales/ssi page, it opens this app's submit
// page for their team with the page's visible text in the URL's fragment (#ssi=…). Browsers never send a fragment
// to a server, so the text goes nowhere but the rep's own browser tab, where the submit page reads it in the
// browser and removes it from the address. The bookmarklet holds no token: the rep's own session signs the save.
// It needs nothing from the app's Content-Security-Policy: it runs on LinkedIn's page (bookmarklets are exempt
// from a page's CSP) and only navigates; the app reads the fragment with its own, nonce-approved script.

export const BOOKMARKLET_HASH = "ssi";
/** More than the SSI page's text ever holds; keeps the address well inside every browser's limit. */
export const BOOKMARKLET_MAX_CHARS = 20_000;

/** The bookmarklet's `javascript:` URL for a submit page's absolute URL. */
export function bookmarkletHref(submitUrl: string): string {
  const code =
    `(()=>{var u=${JSON.stringify(`${submitUrl}#${BOOKMARKLET_HASH}=`)}` +
    `+encodeURIComponent((document.body.innerText||"").slice(0,${BOOKMARKLET_MAX_CHARS})),` +
    `w=window.open(u,"_blank");if(w)w.opener=null;else location.href=u})()`;
  return `javascript:${encodeURIComponent(code)}`;
}

/** The text a bookmarklet put in `hash` ("#ssi=…"), or null when there is none. */
export function textFromHash(hash: string): string | null {
  const prefix = `#${BOOKMARKLET_HASH}=`;
  if (!hash.startsWith(prefix)) return null;
  try {
    return decodeURIComponent(hash.slice(prefix.length)).slice(0, BOOKMARKLET_MAX_CHARS);
  } catch {
    return null;
  }
}
