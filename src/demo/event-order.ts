import type { DemoEvent } from './types';

/** Orders events by date; `Array.prototype.sort` is stable, so same-day events keep their order. */
export function byEventDate(a: DemoEvent, b: DemoEvent): number {
  return a.eventDate < b.eventDate ? -1 : a.eventDate > b.eventDate ? 1 : 0;
}
