/** The few icons the storefront's front page draws before the component library loads: line icons in the text colour. */
const paths = {
  home: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5.5v-6h-5v6H4a1 1 0 0 1-1-1z',
  cart: 'M2.5 4h2.2l2.4 10.4a1 1 0 0 0 1 .8h9.1a1 1 0 0 0 1-.8L20.5 7.5H5.6 M9 20.2a.9.9 0 1 0 0-1.8.9.9 0 0 0 0 1.8z M17 20.2a.9.9 0 1 0 0-1.8.9.9 0 0 0 0 1.8z',
  orders:
    'M6 3h12a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z M8.5 8h7 M8.5 12h7 M8.5 16h4',
  me: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c.8-4 4-6 8-6s7.2 2 8 6',
  pin: 'M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z M12 12.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4z',
} as const;

export function Icon({ name, size = 20 }: { name: keyof typeof paths; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      style={{ verticalAlign: '-0.2em' }}
    >
      <path d={paths[name]} />
    </svg>
  );
}
