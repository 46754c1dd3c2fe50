"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { textFromHash } from "@/lib/bookmarklet";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";
import { describeReading, parseSsiPaste, type PasteResult, type PasteValues } from "@/lib/ssi-paste";

const PASTE_ID = "ssi-paste";

/** The paste box's state, kept by the form so that saving can read a paste nobody read yet. */
export function usePaste(onFill: (values: PasteValues) => void) {
  const [text, setText] = useState("");
  const [result, setResult] = useState<PasteResult | null>(null);
  const [readText, setReadText] = useState<string | null>(null);
  // True when the last reading was done by pressing save, so the box says why nothing was saved.
  const [onSave, setOnSave] = useState(false);

  function read(value = text, opts: { onSave?: boolean } = {}) {
    const r = parseSsiPaste(value);
    setText(value);
    setResult(r);
    setReadText(value);
    setOnSave(!!opts.onSave);
    if (r.ok) onFill(r.values);
    return r;
  }

  // Text sent by the bookmarklet in the address's fragment: read it once, then drop it from the address (and so
  // from history and from any link copied from the address bar).
  const fromHash = useRef(false);
  useEffect(() => {
    if (fromHash.current) return;
    fromHash.current = true;
    const sent = textFromHash(window.location.hash);
    if (sent === null) return;
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    // The fragment exists only in the browser, after hydration: this effect is the one place to read it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    read(sent);
  });

  /** An empty box again, e.g. after a save, so its "Found: …" can't describe the previous score. */
  function reset() {
    setText("");
    setResult(null);
    setReadText(null);
    setOnSave(false);
  }

  return {
    text,
    setText,
    result,
    read,
    reset,
    onSave,
    /** The save went ahead: the "read on save" notes no longer apply. */
    saving: () => setOnSave(false),
    unread: text.trim() !== "" && text !== readText,
  };
}

export type PasteState = ReturnType<typeof usePaste>;

/**
 * "Paste from LinkedIn": reads the copied SSI page in the browser and hands the numbers
 * to the form. The textarea has no name: only the filled fields are submitted.
 */
export function SnapshotPaste({ paste, submitLabel }: { paste: PasteState; submitLabel: string }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-line bg-raised p-4">
      <label htmlFor={PASTE_ID} className="font-semibold">
        Paste from LinkedIn
      </label>
      <p id={`${PASTE_ID}-help`} className="text-sm text-muted">
        Open{" "}
        <a href="https://www.linkedin.com/sales/ssi" target="_blank" rel="noreferrer">
          linkedin.com/sales/ssi
        </a>{" "}
        in any language, select all (Ctrl+A / ⌘A), copy, and paste here. We fill the form for you to check.
      </p>
      <textarea
        id={PASTE_ID}
        rows={4}
        value={paste.text}
        onChange={(e) => paste.setText(e.target.value)}
        aria-describedby={`${PASTE_ID}-help`}
        spellCheck={false}
        autoComplete="off"
        placeholder="Your Social Selling Index … 18.52 Establish your professional brand …"
        className="min-h-24 w-full rounded-md border border-line bg-surface px-3 py-2 text-base sm:text-sm"
      />
      <div>
        <Button type="button" variant="secondary" onClick={() => paste.read()}>
          Fill the form
        </Button>
      </div>
      {paste.result ? <PasteOutcome result={paste.result} submitLabel={submitLabel} onSave={paste.onSave} /> : null}
    </div>
  );
}

function focusFirstField() {
  document.getElementById(`field-${COMPONENTS[0]}`)?.focus();
}

function PasteOutcome({ result, submitLabel, onSave }: { result: PasteResult; submitLabel: string; onSave: boolean }) {
  if (!result.ok)
    return (
      <Alert tone="error">
        {onSave ? <p className="mb-1 font-semibold">Nothing was saved: your pasted text could not be read.</p> : null}
        <p className="mb-2">{result.message}</p>
        <Button type="button" variant="secondary" onClick={focusFirstField}>
          Type my scores instead
        </Button>
      </Alert>
    );
  const missing = COMPONENTS.filter((c) => result.values[c] === undefined).map((c) => COMPONENT_LABELS[c].linkedIn);
  const complete = missing.length === 0 && result.warnings.length === 0 && result.reading.by === "labels";
  return (
    <Alert tone={complete ? "success" : "warning"}>
      {onSave ? (
        <p className="mb-1 font-semibold">Not saved yet: we read your pasted text into the form first.</p>
      ) : null}
      <p className="mb-1" data-testid="paste-reading">
        {describeReading(result.reading)}
      </p>
      <p className="font-semibold">Found:</p>
      <ul className="mb-2 list-disc pl-5">
        {result.found.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {result.warnings.length ? <p className="font-semibold">Not used:</p> : null}
      {result.warnings.length ? (
        <ul className="mb-2 list-disc pl-5">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {missing.length ? (
        <p className="mb-2">
          <strong>Not found:</strong> {missing.join(", ")}. Type {missing.length === 1 ? "it" : "them"} in below.
        </p>
      ) : null}
      <p>Check the values below, then press “{submitLabel}”.</p>
    </Alert>
  );
}
