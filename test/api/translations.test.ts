import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/app.js';
import { channelKinds } from '../../src/modules/catalog/domain/channels.js';
import { gtinProblemText } from '../../src/modules/catalog/domain/gtin.js';
import { productStatuses } from '../../src/modules/catalog/domain/lifecycle.js';
import { shipmentModes, shipmentStatuses } from '../../src/modules/fulfilment/domain/shipment.js';
import { ruleKinds } from '../../src/modules/fulfilment/schema.js';
import { orderSources } from '../../src/modules/growth/domain/sources.js';
import { accountKinds, transactionKinds } from '../../src/modules/ledger/domain/accounts.js';
import { orderStatuses } from '../../src/modules/orders/domain/order.js';
import { agreementLevels, agreementStatuses } from '../../src/modules/partnership/domain/agreement.js';
import { declaredErrorCodes } from '../../src/platform/errors.js';
import { orgKinds, roles } from '../../src/platform/principal.js';

/**
 * Chinese all the way, English all the way (issue 11, item 15): every text the web app asks
 * for, every code it shows and every refusal the API can give has words in both languages.
 */
// The web app's own module, as Vite builds it (not type-checked here: it is the browser's code).
const webI18n = '../../web/shared/i18n.js';
const { resources } = await import(webI18n);
const languages: Record<'en' | 'zh-CN', Record<string, unknown>> = {
  en: resources.en.translation,
  'zh-CN': resources['zh-CN'].translation,
};
/** A text, or the plural forms of one (`pos.items_one`, `pos.items_other`). */
const isText = (tree: unknown, key: string) =>
  typeof lookup(tree, key) === 'string' || typeof lookup(tree, `${key}_other`) === 'string';

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<any>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree);
}

function sources(dir: string, ext: RegExp): Array<{ path: string; text: string }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

const web = sources('web', /\.(tsx?)$/).filter((f) => !/web\/shared\/i18n/.test(f.path));
const codes = new Set(declaredErrorCodes());

describe('translations', () => {
  it('has every refusal the API can give in both languages, and none it cannot', () => {
    expect(codes.size).toBeGreaterThan(80);
    for (const [lang, tree] of Object.entries(languages)) {
      const problems = (tree as any).problems as Record<string, unknown>;
      const missing = [...codes].filter((c) => typeof problems[c.replace('.', '_')] !== 'string');
      expect(missing, `${lang}: codes without words`).toEqual([]);
      const known = new Set([...codes].map((c) => c.replace('.', '_')));
      const stale = Object.keys(problems).filter((k) => k !== 'field' && k !== 'reason' && !known.has(k));
      expect(stale, `${lang}: words for codes no module declares`).toEqual([]);
    }
  });

  it('has words in both languages for every key the web app asks for', () => {
    const missing: string[] = [];
    for (const f of web) {
      // A key written out: t('store.addToCart'), or kept for a later t(): label: 'menu.home'.
      for (const [, key] of f.text.matchAll(/'([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)'/g)) {
        if (codes.has(key) || !(key.split('.')[0] in languages.en)) continue;
        for (const [lang, tree] of Object.entries(languages))
          if (!isText(tree, key)) missing.push(`${f.path}: ${key} (${lang})`);
      }
      // A key made from a value: t(`order.status.${s}`) needs the whole family.
      for (const [, prefix] of f.text.matchAll(/t\(\s*`([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)*)\.\$\{/g))
        for (const [lang, tree] of Object.entries(languages))
          if (typeof lookup(tree, prefix) !== 'object') missing.push(`${f.path}: ${prefix}.* (${lang})`);
    }
    expect(missing).toEqual([]);
  });

  it('names every value of every code the UI shows, in both languages', () => {
    const src = sources('src', /\.ts$/)
      .map((f) => f.text)
      .join('\n');
    const families: Record<string, readonly string[]> = {
      'order.status': orderStatuses,
      'order.shipmentStatus': shipmentStatuses,
      'order.mode': shipmentModes,
      'order.source': orderSources,
      'catalog.status': productStatuses,
      'channels.kind': channelKinds,
      'agreements.status': agreementStatuses,
      'agreements.level': agreementLevels,
      kind: orgKinds,
      roles,
      'ledger.accounts': accountKinds,
      'ledger.kinds': transactionKinds,
      'rules.kinds': ruleKinds,
      // Every audited action, as the modules write it.
      'audit.actions': [
        ...src.matchAll(/action: '([a-z_.]+)'/g),
        // The system's own writes name their action first (`systemWrite(rt, 'fulfilment.courier.deliver', …)`).
        ...src.matchAll(/systemWrite\(\s*rt,\s*'([a-z_.]+)'/g),
      ].map((m) => m[1].replaceAll('.', '_')),
      // The kinds of a refusal that says which it is.
      'problems.reason.catalog_invalid_gtin': Object.keys(gtinProblemText),
      // The categories of the demo world's products.
      'catalog.categories': [...src.matchAll(/category: '([a-z_]+)'/g)].map((m) => m[1]),
    };
    const missing: string[] = [];
    for (const [family, values] of Object.entries(families)) {
      expect(values.length, family).toBeGreaterThan(1);
      for (const v of new Set(values))
        for (const [lang, tree] of Object.entries(languages))
          if (typeof lookup(tree, `${family}.${v}`) !== 'string') missing.push(`${family}.${v} (${lang})`);
    }
    expect(missing).toEqual([]);
  });

  it('says nothing in Chinese outside the translations, and both languages have the same keys', () => {
    const written: string[] = [];
    for (const f of web)
      f.text.split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        // The storefront's starting address is a place, not a text.
        if (/[\u4e00-\u9fff]/.test(code) && !/defaultAddress/.test(code)) written.push(`${f.path}:${i + 1}`);
      });
    expect(written).toEqual([]);
    const keys = (tree: unknown, at = ''): string[] =>
      tree && typeof tree === 'object'
        ? Object.entries(tree).flatMap(([k, v]) => keys(v, at ? `${at}.${k}` : k))
        : [at];
    expect(keys(languages['zh-CN']).sort()).toEqual(keys(languages.en).sort());
  });
});
