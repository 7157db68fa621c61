/**
 * The text side of the SVG writer: escaping, number formatting and the
 * few element builders everything else uses. Every string that reaches the
 * output passes through `escapeXml`, and every number through a formatter
 * with a fixed number of decimals, so that the same input always gives the
 * same bytes and no title can open an element of its own.
 *
 * @module
 */

/**
 * Characters XML 1.0 does not allow anywhere (C0 controls other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE and U+FFFF). They
 * are dropped rather than escaped: no escape makes them legal.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for element content and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A number with at most `decimals` decimals, no trailing zeros, never `-0`. */
export function formatNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Thousands grouped with a thin space, independent of the runtime's locale. */
function grouped(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/** An area for people: `0.42 km²`, `12.3 km²`, `1 234 km²`. */
export function formatKm2(km2: number): string {
  if (km2 >= 1000) return `${grouped(km2.toFixed(0))} km²`;
  if (km2 >= 10) return `${km2.toFixed(1)} km²`;
  if (km2 > 0 && km2 < 0.005) return '< 0.01 km²';
  return `${km2.toFixed(2)} km²`;
}

/** A share (0–1) as a percentage with one decimal. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** A length for the scale bar: `500 m`, `5 km`. */
export function formatLength(metres: number): string {
  return metres >= 1000 ? `${formatNumber(metres / 1000, 3)} km` : `${formatNumber(metres, 3)} m`;
}

/** A colour attribute: `#rgb`, `#rrggbb` (with optional alpha) or a CSS name; anything else falls back. */
export function safeColor(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^(#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,20})$/.test(value) ? value : fallback;
}

/** A number attribute in a range; anything else falls back. */
export function safeNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

/** Text shortened to `max` characters with an ellipsis (by code point, so no surrogate is split). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/** Attributes in the order given; `undefined` values are left out. */
export type Attributes = readonly (readonly [string, string | undefined])[];

/** An element; `children` is raw markup already escaped, `undefined` makes it self-closing. */
export function element(name: string, attributes: Attributes, children?: string): string {
  const attrs = attributes
    .filter((a): a is readonly [string, string] => a[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

/** A `<text>` element with escaped content. */
export function textElement(attributes: Attributes, text: string): string {
  return element('text', attributes, escapeXml(text));
}

/** A `<title>` child (a tooltip in browsers, a name for screen readers). */
export function tooltip(text: string): string {
  return element('title', [], escapeXml(text));
}
