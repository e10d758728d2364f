/** The source of "now", passed into the app so tests can fix it. */
export interface Clock {
  /** The current instant as an ISO-8601 UTC timestamp. */
  now(): string;
  /** Today's date, `YYYY-MM-DD`, in UTC. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => new Date().toISOString().slice(0, 10),
};

/** A clock stopped at `instant` (an ISO timestamp or a `YYYY-MM-DD` date). */
export function fixedClock(instant: string): Clock {
  const iso = instant.length === 10 ? `${instant}T00:00:00.000Z` : instant;
  return { now: () => iso, today: () => iso.slice(0, 10) };
}
