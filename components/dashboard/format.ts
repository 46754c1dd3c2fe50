/** A member's page in the team (their history and coaching view). */
export const memberHref = (slug: string, userId: string) => `/t/${slug}/members/${userId}`;
