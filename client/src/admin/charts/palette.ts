// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), darkened where needed for
// 3:1 contrast on white; each series also gets its own dash pattern, so colour is never the only cue.
export const SERIES_COLOURS = ['#0b4a8b', '#b45309', '#007a5e', '#a1306b', '#5b4bb7', '#1b2430'] as const;
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '12 4', '1 2'] as const;

export function seriesStyle(index: number): { stroke: string; strokeDasharray: string } {
  return {
    stroke: SERIES_COLOURS[index % SERIES_COLOURS.length]!,
    strokeDasharray: SERIES_DASHES[index % SERIES_DASHES.length]!,
  };
}
