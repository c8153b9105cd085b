/**
 * The picture of a product: its first image where the brand gave one, else a render Flywheel
 * draws itself, in SVG: the kind of thing (a phone, a watch, earbuds, a tablet, a bottle, a
 * shirt) in the colour of the SKU shown, so each colour of a product looks its own.
 */
// Colour words in English and Chinese (written as escapes: the UI's own Chinese lives in the translations).
const palette: Array<[RegExp, string]> = [
  [/black|\u9ed1|\u58a8/i, '#26262b'],
  [/white|\u767d|\u74f7/i, '#f1efe9'],
  [/silver|\u94f6/i, '#c6cad0'],
  [/grey|gray|\u7070/i, '#8b8f96'],
  [/gold|\u91d1|\u9999\u69df/i, '#d3b26c'],
  [/blue|\u84dd/i, '#5a7db3'],
  [/green|\u7eff|\u9752/i, '#5f9b78'],
  [/purple|\u7d2b/i, '#8b6bb3'],
  [/pink|\u7c89/i, '#e3a0b3'],
  [/red|\u7ea2/i, '#c0433a'],
  [/orange|\u6a59/i, '#e08a3c'],
  [/brown|\u68d5|\u5496/i, '#8a6248'],
  [/navy|\u85cf\u9752/i, '#2f3f63'],
];

/** The colour a colour option names ("Ceramic White", in Chinese or English, is white), or one drawn from the name. */
export function swatch(colour: string | undefined, name: string): string {
  const named = colour && palette.find(([re]) => re.test(colour));
  if (named) return named[1];
  const hue = [...(colour ?? name)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return `hsl(${hue} 45% 55%)`;
}

/** The silhouette of each kind of product, drawn in a 100 × 100 box around its centre. */
function shape(category: string, fill: string, edge: string) {
  const body = { fill, stroke: edge, strokeWidth: 1.5 };
  switch (category) {
    case 'phone':
      return (
        <>
          <rect x="30" y="8" width="40" height="84" rx="8" {...body} />
          <rect x="36" y="14" width="16" height="22" rx="5" fill={edge} opacity="0.25" />
          <circle cx="42" cy="21" r="3.5" fill={edge} opacity="0.6" />
          <circle cx="42" cy="30" r="3.5" fill={edge} opacity="0.6" />
        </>
      );
    case 'tablet':
      return (
        <>
          <rect x="14" y="18" width="72" height="64" rx="6" {...body} />
          <circle cx="22" cy="26" r="3" fill={edge} opacity="0.6" />
        </>
      );
    case 'watch':
      return (
        <>
          <rect x="38" y="4" width="24" height="26" rx="4" {...body} opacity="0.8" />
          <rect x="38" y="70" width="24" height="26" rx="4" {...body} opacity="0.8" />
          <rect x="28" y="26" width="44" height="48" rx="12" {...body} />
          <rect x="34" y="32" width="32" height="36" rx="8" fill="#1b1b1f" />
        </>
      );
    case 'earbuds':
      return (
        <>
          <rect x="18" y="52" width="64" height="38" rx="16" {...body} />
          <path
            d="M32 14a9 9 0 1 1 0 18v20"
            {...body}
            strokeWidth={6}
            strokeLinecap="round"
            fill="none"
            stroke={fill}
          />
          <path
            d="M68 14a9 9 0 1 0 0 18v20"
            {...body}
            strokeWidth={6}
            strokeLinecap="round"
            fill="none"
            stroke={fill}
          />
        </>
      );
    case 'cosmetics':
    case 'makeup':
    case 'skincare':
      return (
        <>
          <rect x="42" y="8" width="16" height="18" rx="3" fill={edge} opacity="0.7" />
          <rect x="30" y="26" width="40" height="66" rx="10" {...body} />
          <rect x="36" y="48" width="28" height="16" rx="2" fill="#fff" opacity="0.6" />
        </>
      );
    default:
      // Clothing and anything else: a shirt.
      return (
        <path
          d="M36 10 L50 18 L64 10 L88 24 L80 42 L70 38 L70 92 L30 92 L30 38 L20 42 L12 24 Z"
          {...body}
          strokeLinejoin="round"
        />
      );
  }
}

export function ProductArt({
  name,
  category,
  colour,
  image,
  size = 120,
}: {
  name: string;
  category: string;
  colour?: string;
  image?: string;
  size?: number;
}) {
  if (image)
    return (
      <img
        src={image}
        alt={name}
        style={{ width: '100%', height: size, objectFit: 'contain', display: 'block' }}
      />
    );
  const fill = swatch(colour, name);
  // A dark body has its lens and seams drawn light.
  const dark = /^#[0-4]/.test(fill);
  return (
    <svg
      role="img"
      aria-label={colour ? `${name} · ${colour}` : name}
      data-testid="product-art"
      data-colour={fill}
      viewBox="0 0 160 100"
      width="100%"
      height={size}
      style={{ display: 'block', background: `linear-gradient(160deg, #fafafa, ${fill}33)` }}
    >
      <ellipse cx="80" cy="94" rx="34" ry="3" fill="#000" opacity="0.08" />
      <g transform="translate(30 0)">
        {shape(category, fill, dark ? 'rgba(255,255,255,0.45)' : 'rgba(0,0,0,0.35)')}
      </g>
    </svg>
  );
}

/** The colour option of an SKU: the option named colour (in Chinese or English), else the first option. */
export function colourOf(optionNames: string[], options: Record<string, string>): string | undefined {
  const key = optionNames.find((n) => /colou?r|\u989c\u8272/i.test(n)) ?? optionNames[0];
  return key ? options[key] : undefined;
}
