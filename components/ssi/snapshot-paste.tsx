"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";
import { parseSsiPaste, type PasteResult, type PasteValues } from "@/lib/ssi-paste";

const PASTE_ID = "ssi-paste";

/**
 * "Paste from LinkedIn": reads the copied SSI page in the browser and hands the numbers
 * to the form. The textarea has no name: only the filled fields are submitted.
 */
export function SnapshotPaste({ onFill, submitLabel }: { onFill: (values: PasteValues) => void; submitLabel: string }) {
  const [text, setText] = useState("");
  const [result, setResult] = useState<PasteResult | null>(null);

  function fill() {
    const r = parseSsiPaste(text);
    setResult(r);
    if (r.ok) onFill(r.values);
  }

  return (
    <div className="flex flex-col gap-2 rounded-md border border-line bg-raised p-4">
      <label htmlFor={PASTE_ID} className="font-semibold">
        Paste from LinkedIn
      </label>
      <p id={`${PASTE_ID}-help`} className="text-sm text-muted">
        Open{" "}
        <a href="https://www.linkedin.com/sales/ssi" target="_blank" rel="noreferrer">
          linkedin.com/sales/ssi
        </a>
        , select all (Ctrl+A / ⌘A), copy, and paste here. We fill the form for you to check.
      </p>
      <textarea
        id={PASTE_ID}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${PASTE_ID}-help`}
        spellCheck={false}
        autoComplete="off"
        placeholder="Your Social Selling Index … 18.52 Establish your professional brand …"
        className="min-h-24 w-full rounded-md border border-line bg-surface px-3 py-2 text-base sm:text-sm"
      />
      <div>
        <Button type="button" variant="secondary" onClick={fill}>
          Fill the form
        </Button>
      </div>
      {result ? <PasteOutcome result={result} submitLabel={submitLabel} /> : null}
    </div>
  );
}

function PasteOutcome({ result, submitLabel }: { result: PasteResult; submitLabel: string }) {
  if (!result.ok) return <Alert tone="error">{result.message}</Alert>;
  const missing = COMPONENTS.filter((c) => result.values[c] === undefined).map((c) => COMPONENT_LABELS[c].linkedIn);
  const complete = missing.length === 0 && result.warnings.length === 0;
  return (
    <Alert tone={complete ? "success" : "warning"}>
      <p className="font-semibold">Found:</p>
      <ul className="mb-2 list-disc pl-5">
        {result.found.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {result.warnings.length ? (
        <p className="font-semibold">Not used:</p>
      ) : null}
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
