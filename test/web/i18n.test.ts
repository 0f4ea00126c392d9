import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS, METHODS_VI } from '../../src/routes/methods/methods-text.ts';
import { explorerPage } from '../../src/web/explorer-page.ts';
import { type Lang, UI, type UiKey } from '../../src/web/i18n.ts';
import { methodsPage } from '../../src/web/methods-page.ts';

const WEB = path.resolve(import.meta.dirname, '../../src/web');
/** Words that are the same in both languages: names, file formats, the product. */
const SAME_IN_BOTH = new Set(['PNG', 'SVG', 'PDF']);

async function sources(): Promise<string> {
  const files = await readdir(WEB, { recursive: true });
  const texts = await Promise.all(
    files.filter((f) => f.endsWith('.ts')).map((f) => readFile(path.join(WEB, f), 'utf8')),
  );
  return texts.join('\n');
}

/** Text nodes outside the markup, outside <script>/<style> and outside elements the dictionary fills. */
function looseText(html: string): string[] {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
  const withoutDictionary = body.replace(/<(\w+)[^>]*data-i18n="[^"]+"[^>]*>[^<]*<\/\1>/g, '');
  return withoutDictionary
    .split(/<[^>]+>/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

describe('one dictionary for every word of the explorer, embed and methods pages', () => {
  it('every English entry has a Vietnamese one, and it is a translation, not a copy', () => {
    for (const key of Object.keys(UI.en) as UiKey[]) {
      expect(UI.vi[key], key).toBeTruthy();
      if (!SAME_IN_BOTH.has(UI.en[key])) expect(UI.vi[key], key).not.toBe(UI.en[key]);
    }
    expect(Object.keys(UI.vi).sort()).toEqual(Object.keys(UI.en).sort());
  });

  it('every key the pages and the explorer code use exists in the dictionary', async () => {
    const code = await sources();
    const used = [
      ...code.matchAll(/data-i18n="([\w.-]+)"/g),
      ...code.matchAll(/\bt\((?:lang|state\.lang), '([\w.-]+)'/g),
      ...code.matchAll(/(?:hint|key)\s*[:=]\s*'([a-z]+\.[\w.-]+)'/g),
    ].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(60);
    const missing = used.filter((key) => !(key in UI.en));
    expect(missing).toEqual([]);
  });

  it('the explorer and methods pages write no word outside the dictionary', () => {
    // Allowed outside it: the product's name, group codes, the names of the two languages in themselves.
    const allowed = new Set(['CivScope', 'ASEAN', 'ASEAN+3', 'English', 'Tiếng Việt']);
    for (const lang of ['en', 'vi'] as Lang[]) {
      expect(looseText(explorerPage(lang)).filter((s) => !allowed.has(s))).toEqual([]);
      const methods = methodsPage(lang).replace(/<main class="methods">[\s\S]*<\/main>/, '');
      expect(looseText(methods).filter((s) => !allowed.has(s) && !s.endsWith('· CivScope'))).toEqual([]);
    }
  });

  it('the Vietnamese methods cover every entry of the English ones, each translated', () => {
    const leaves = (value: unknown, at: string): [string, string][] =>
      typeof value === 'string'
        ? [[at, value]]
        : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${at}.${k}`));
    const en = new Map(leaves(METHODS, ''));
    const vi = new Map(leaves(METHODS_VI, ''));
    expect([...vi.keys()]).toEqual([...en.keys()]);
    // References are titles of published works and may stay as published.
    for (const [key, text] of vi) if (!key.startsWith('.references')) expect(text, key).not.toBe(en.get(key));
  });
});
