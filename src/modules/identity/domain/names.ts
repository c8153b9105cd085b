/** An organisation's English name, kept in its attributes (`{ nameEn }`), or null when it has none. */
export function englishNameOf(attributes: string | null | undefined): string | null {
  const en = attributes ? (JSON.parse(attributes) as { nameEn?: unknown }).nameEn : undefined;
  return typeof en === 'string' ? en : null;
}
