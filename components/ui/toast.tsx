"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

type Toast = { id: number; message: string };

const ShowToast = createContext<(message: string) => void>(() => {});

const VISIBLE_MS = 8000;

/**
 * Confirms completed actions in one place at the bottom of the screen. One toast at a time (a new one
 * replaces the last); it stays while hovered or focused and can be dismissed. The live region is always
 * mounted so screen readers announce each message.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const seq = useRef(0);
  const show = useCallback((message: string) => setToast({ id: ++seq.current, message }), []);
  const dismiss = useCallback(() => setToast(null), []);
  return (
    <ShowToast value={show}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-3 bottom-3 z-50 flex justify-center sm:inset-x-auto sm:right-6 sm:bottom-6"
      >
        {toast ? <ToastCard key={toast.id} message={toast.message} onDismiss={dismiss} /> : null}
      </div>
    </ShowToast>
  );
}

function ToastCard({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onDismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [held, onDismiss]);
  return (
    <div
      data-testid="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border border-up/40 bg-surface px-4 py-3 text-sm text-fg shadow-lg motion-safe:animate-[toast-in_150ms_ease-out] sm:w-auto sm:min-w-72"
    >
      <span aria-hidden className="mt-0.5 font-bold text-up">
        ✓
      </span>
      <p className="flex-1">{message}</p>
      <button
        type="button"
        onClick={onDismiss}
        className="-my-1 -mr-2 rounded px-2 py-1 text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-focus"
        aria-label="Dismiss message"
      >
        ×
      </button>
    </div>
  );
}

/**
 * Shows `state.message` (or `fallback`) as a toast each time a server action answers with `ok`. Pass the
 * state object useActionState returned: a new object means a new answer.
 */
export function useSuccessToast(state: { ok?: boolean; message?: string }, fallback?: string) {
  const show = useContext(ShowToast);
  useEffect(() => {
    const message = state.message ?? fallback;
    if (state.ok && message) show(message);
  }, [state, fallback, show]);
}
