import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findSystemTool,
  missingToolMessage,
  requireSystemTool,
  skipWithoutTool,
  systemPackages,
} from '../helpers/system-tools.ts';

/**
 * system-packages.txt is the one list of tools outside npm: `.ci/run` installs from it, and a test
 * whose tool is missing says which Debian package to install instead of failing with ENOENT.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the tools outside npm', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('lists each tool with the Debian package that brings it', () => {
    expect(Object.fromEntries(systemPackages())).toEqual({
      chromium: 'chromium',
      pdftotext: 'poppler-utils',
      pdfinfo: 'poppler-utils',
      pdffonts: 'poppler-utils',
      pdftoppm: 'poppler-utils',
      'jupyter-nbconvert': 'jupyter-nbconvert',
      'python3:ipykernel': 'python3-ipykernel',
      'python3:openpyxl': 'python3-openpyxl',
    });
  });

  it('.ci/run installs from that list, and the README names it', () => {
    expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toContain('done < system-packages.txt');
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('system-packages.txt');
  });

  it('a missing tool fails with one line naming the package to install', () => {
    vi.stubEnv('PATH', '/nonexistent');
    expect(findSystemTool('pdftoppm')).toBe(existsOnUsrBin('pdftoppm'));
    const line = missingToolMessage('pdftoppm');
    expect(line).toBe(
      'pdftoppm is not installed: run `apt-get install poppler-utils` (every tool the tests need: system-packages.txt)',
    );
    expect(line).not.toContain('\n');
    if (!existsOnUsrBin('pdftoppm')) expect(() => requireSystemTool('pdftoppm')).toThrow(line);
  });

  it('a python module that does not import is missing', () => {
    expect(findSystemTool('python3:civscope_no_such_module')).toBeNull();
  });

  it('a tool not on the list is a mistake in the test, said as such', () => {
    expect(() => missingToolMessage('gnuplot')).toThrow('gnuplot is not listed in system-packages.txt');
  });

  it('in CI a suite never skips for a missing tool: it runs and fails with the line', () => {
    vi.stubEnv('PATH', '/nonexistent');
    vi.stubEnv('CI', 'true');
    expect(skipWithoutTool('python3:civscope_no_such_module' as string)).toBe(false);
  });
});

function existsOnUsrBin(tool: string): string | null {
  try {
    readFileSync(`/usr/bin/${tool}`);
    return `/usr/bin/${tool}`;
  } catch {
    return null;
  }
}
