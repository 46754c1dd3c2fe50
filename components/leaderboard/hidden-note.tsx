/** In place of a teammate's component bars when they chose to show only their total. */
export function HiddenNote({ name }: { name: string }) {
  return (
    <span data-testid="components-hidden" title="Managers and owners still see the breakdown">
      <span aria-hidden="true">🔒 </span>Breakdown hidden by {name}
    </span>
  );
}
