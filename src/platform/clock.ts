/** Where time comes from: injected everywhere so tests can move it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests set and advance by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Times are stored and exchanged as UTC ISO 8601 strings, which sort as text. */
export function iso(date: Date): string {
  return date.toISOString();
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

const chinaOffsetMs = 8 * 3_600_000;

/** The calendar day of an instant in China (UTC+8, no daylight saving), where stores trade and agreements are signed. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/** The instants a China calendar day spans, as UTC ISO strings: `[from, to)`. */
export function chinaDayRange(day: string): { from: string; to: string } {
  const start = new Date(`${day}T00:00:00.000Z`).getTime() - chinaOffsetMs;
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
}

/** Minutes since midnight in China time. */
export function chinaMinuteOfDay(at: Date): number {
  return Math.floor(((at.getTime() + chinaOffsetMs) % 86_400_000) / 60_000);
}
