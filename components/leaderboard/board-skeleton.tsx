import { LoadingRegion, RowSkeletons, Skeleton, TileSkeletons } from "@/components/ui/skeleton";

/** What the leaderboard looks like while its figures load: title, summary tiles, then ranked rows. */
export function BoardSkeleton({ teamName }: { teamName: string }) {
  return (
    <LoadingRegion label={`Loading the ${teamName} leaderboard…`}>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight wrap-anywhere sm:text-3xl">{teamName}</h1>
        <Skeleton className="h-4 w-64 max-w-full" />
      </div>
      <TileSkeletons />
      <RowSkeletons rows={8} />
    </LoadingRegion>
  );
}
