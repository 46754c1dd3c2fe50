"use client";

import { Children, useEffect, useState, type ReactNode } from "react";

/**
 * Shows one slide at a time (the board, then each running challenge), moving on every `seconds`. The others stay
 * in the page, hidden, so a refresh of the server page keeps the current slide.
 */
export function TvRotator({ seconds, children }: { seconds: number; children: ReactNode }) {
  const slides = Children.toArray(children);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (slides.length < 2) return;
    const tick = setInterval(() => setIndex((i) => (i + 1) % slides.length), seconds * 1000);
    return () => clearInterval(tick);
  }, [seconds, slides.length]);
  const current = index % Math.max(1, slides.length);
  return (
    <>
      {slides.map((slide, i) => (
        <div key={i} hidden={i !== current} data-testid="tv-slide" className={i === current ? "contents" : "hidden"}>
          {slide}
        </div>
      ))}
    </>
  );
}
