/** The look of a link between pages of a long list. */
export const pageLinkClass = "rounded-md border border-line px-3 py-1.5 no-underline hover:bg-raised";

/** "← Previous 100" and "Next 100 →" between pages of a list shown `perPage` at a time (each only when there is one). */
export function PrevNextLinks({ page, pages, perPage, href }: { page: number; pages: number; perPage: number; href: (page: number) => string }) {
  return (
    <>
      {page > 1 ? (
        <a href={href(page - 1)} className={pageLinkClass} rel="prev">
          ← Previous {perPage}
        </a>
      ) : null}
      {page < pages ? (
        <a href={href(page + 1)} className={pageLinkClass} rel="next">
          Next {perPage} →
        </a>
      ) : null}
    </>
  );
}
