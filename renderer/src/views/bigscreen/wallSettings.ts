import type { LocationQuery } from 'vue-router';
import { single } from '../../queue/queueQuery';

/** What a kiosk URL can set: `#/bigscreen?key=…&rotate=20&refresh=5`. */
export interface WallSettings {
  /** The office's display key; absent when a signed-in user opened the wall from the app. */
  key: string | undefined;
  /** Seconds each page of the rotating centre panel stays up. */
  rotateSeconds: number;
  /** Seconds between snapshots; fractions allowed for the benchmark. */
  refreshSeconds: number;
}

const number = (text: string | undefined, fallback: number, min: number, max: number): number => {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

export function wallSettings(query: LocationQuery): WallSettings {
  const key = single(query, 'key');
  return {
    key: key && key.length <= 64 ? key : undefined,
    rotateSeconds: number(single(query, 'rotate'), 20, 5, 3600),
    refreshSeconds: number(single(query, 'refresh'), 5, 0.2, 600),
  };
}

/** The wall is drawn on this canvas and scaled to the screen, letterboxed when the aspect differs. */
export const WALL_WIDTH = 1920;
export const WALL_HEIGHT = 1080;
