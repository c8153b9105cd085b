/**
 * The product categories the platform names, in both languages. A shopper searches by them ("手表"
 * finds the watches, whatever their names say), and the console's translations take their words
 * from here. A category without words here is shown and searched by its code.
 */
export const categoryWords: Record<string, { en: string; 'zh-CN': string }> = {
  phone: { en: 'Phones', 'zh-CN': '手机' },
  tablet: { en: 'Tablets', 'zh-CN': '平板' },
  earbuds: { en: 'Earbuds', 'zh-CN': '耳机' },
  watch: { en: 'Watches', 'zh-CN': '手表' },
  cosmetics: { en: 'Cosmetics', 'zh-CN': '化妆品' },
  makeup: { en: 'Make-up', 'zh-CN': '彩妆' },
  skincare: { en: 'Skincare', 'zh-CN': '护肤' },
  menswear: { en: 'Menswear', 'zh-CN': '男装' },
  outerwear: { en: 'Outerwear', 'zh-CN': '外套' },
  shirt: { en: 'Shirts', 'zh-CN': '衬衫' },
  trousers: { en: 'Trousers', 'zh-CN': '裤装' },
};

/** The categories one search word names, in either language ("watch", "手表", "Phones"). */
export function categoriesNamed(word: string): string[] {
  const w = word.toLowerCase();
  return Object.entries(categoryWords)
    .filter(([code, words]) =>
      [code, words.en.toLowerCase(), words['zh-CN']].some((name) => name.includes(w) || w.includes(name)),
    )
    .map(([code]) => code);
}

/** The words of every category in one language, for the console's translations. */
export function categoryNames(lang: 'en' | 'zh-CN'): Record<string, string> {
  return Object.fromEntries(Object.entries(categoryWords).map(([code, words]) => [code, words[lang]]));
}
