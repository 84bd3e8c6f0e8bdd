import { escapeMarkup } from "./escape.js";

/** Small SVG charts for the HTML report: drawn from the run's own figures, no script, no network. */
const esc = escapeMarkup;

/** Horizontal bars, one per label. */
export function bars(title: string, rows: Array<[string, number]>, unit: string): string {
  if (rows.length === 0) return "";
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const h = 18 * rows.length + 30;
  const body = rows
    .map(([label, v], k) => {
      const w = Math.max(1, Math.round((v / max) * 380));
      const y = 24 + k * 18;
      return `<text x="0" y="${y + 12}" class="lbl">${esc(label)}</text><rect x="170" y="${y}" width="${w}" height="14" class="bar"/><text x="${176 + w}" y="${y + 12}" class="val">${Math.round(v)} ${unit}</text>`;
    })
    .join("");
  return `<figure><svg viewBox="0 0 640 ${h}" role="img" aria-label="${esc(title)}"><text x="0" y="14" class="ttl">${esc(title)}</text>${body}</svg></figure>`;
}

/** A histogram of whole numbers into at most 16 bins. */
export function histogram(title: string, values: number[], unit: string): string {
  if (values.length === 0) return "";
  const max = Math.max(...values);
  const width = Math.max(1, Math.ceil((max + 1) / 16));
  const bins = new Map<number, number>();
  for (const v of values) bins.set(Math.floor(v / width), (bins.get(Math.floor(v / width)) ?? 0) + 1);
  const rows: Array<[string, number]> = [...bins]
    .sort((a, b) => a[0] - b[0])
    .map(([b, n]) => [width === 1 ? `${b} ${unit}` : `${b * width}-${b * width + width - 1} ${unit}`, n]);
  return bars(`${title} (${values.length} generated cases)`, rows, "cases");
}

/**
 * A line over the values in order, broken at `resets` (indices where the values start again, such
 * as accounts reset between parts), each marked with a dashed line: a drop there is a new account,
 * not a value going down.
 */
export function line(title: string, values: number[], resets: readonly number[] = []): string {
  if (values.length < 2) return "";
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = Math.max(1, max - min);
  const x = (k: number) => (20 + (k / (values.length - 1)) * 600).toFixed(1);
  const y = (v: number) => (190 - ((v - min) / span) * 160).toFixed(1);
  const cuts = [0, ...resets.filter((r) => r > 0 && r < values.length), values.length];
  const segments = cuts
    .slice(1)
    .map((end, k) => values.slice(cuts[k], end).map((v, j) => `${x((cuts[k] ?? 0) + j)},${y(v)}`));
  const lines = segments.map((pts) => `<polyline points="${pts.join(" ")}" class="line"/>`).join("");
  const marks = cuts
    .slice(1, -1)
    .map((r) => `<line x1="${x(r)}" y1="24" x2="${x(r)}" y2="196" class="reset"/>`)
    .join("");
  const legend =
    marks &&
    `<text x="640" y="208" text-anchor="end" class="resetlbl">dashed: accounts reset between parts (${cuts.length - 2}); the sequence starts again</text>`;
  return `<figure><svg viewBox="0 0 640 ${marks ? 214 : 210}" role="img" aria-label="${esc(title)}"><text x="0" y="14" class="ttl">${esc(title)}</text>${marks}${lines}<text x="0" y="34" class="val">${max}</text><text x="0" y="194" class="val">${min}</text>${legend}</svg></figure>`;
}
