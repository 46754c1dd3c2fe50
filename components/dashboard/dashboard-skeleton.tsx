import { LoadingRegion, RowSkeletons, Skeleton, TileSkeletons } from "@/components/ui/skeleton";

/** The dashboard's shape while its aggregates load: headline tiles, four chart panels, three lists. */
export function DashboardSkeleton() {
  return (
    <LoadingRegion label="Loading the dashboard…">
      <TileSkeletons />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 sm:p-6">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-48 w-full" />
          </div>
        ))}
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <RowSkeletons rows={3} />
        <RowSkeletons rows={3} />
        <RowSkeletons rows={3} />
      </div>
    </LoadingRegion>
  );
}
