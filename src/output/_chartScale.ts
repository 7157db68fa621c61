/**
 * The scales of the time-series chart: a y scale in km² with "nice" ticks
 * (1, 2, 2.5 or 5 times a power of ten, zero always among them), and period
 * labels thinned so that no two overlap.
 */

export interface LinearScale {
  /** Pixels for a value. */
  y: (value: number) => number;
  ticks: number[];
}

/** A y scale over [min, max] (min ≤ 0 ≤ max) onto [bottom, top] pixels, ~`count` ticks. */
export function niceScale(min: number, max: number, top: number, bottom: number, count = 6): LinearScale {
  const span = max - min > 0 ? max - min : 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const lo = Math.floor(min / step) * step;
  const hi = Math.max(Math.ceil(max / step) * step, lo + step);
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step / 1e6; i++) ticks.push(roundTo(lo + i * step, step));
  return { y: (value) => bottom - ((value - lo) / (hi - lo)) * (bottom - top), ticks };
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period label in two lines: `Nov` over `2025` for months (the year only at the first and each January). */
export function periodLabels(periods: readonly string[]): { first: string; second: string }[] {
  return periods.map((period, i) => {
    const month = /^(\d{4})-(\d{2})$/.exec(period);
    if (month !== null) {
      const showYear = i === 0 || month[2] === '01';
      return { first: MONTHS[Number(month[2]) - 1] ?? period, second: showYear ? month[1]! : '' };
    }
    const week = /^(\d{4})-(W\d{2})$/.exec(period);
    if (week !== null) return { first: week[2]!, second: i === 0 || week[2] === 'W01' ? week[1]! : '' };
    const day = /^(\d{4})-(\d{2}-\d{2})$/.exec(period);
    if (day !== null) return { first: day[2]!, second: i === 0 || day[2] === '01-01' ? day[1]! : '' };
    return { first: period, second: '' };
  });
}

/** Approximate width of a label in a sans-serif font, px (0.6 em per character, a safe upper bound for digits and capitals). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/**
 * Every how many periods a label fits: the smallest stride at which labels
 * `band` px apart, the widest `widest` px, keep `gap` px between them. For
 * months the stride is rounded up to 1, 2, 3, 4, 6 or 12, so labels fall on
 * the same months every year.
 */
export function labelStride(band: number, widest: number, gap: number, months: boolean): number {
  const needed = Math.max(1, Math.ceil((widest + gap) / Math.max(band, 1e-9)));
  if (!months) return needed;
  return [1, 2, 3, 4, 6, 12].find((s) => s >= needed) ?? 12 * Math.ceil(needed / 12);
}
