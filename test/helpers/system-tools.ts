import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The tools outside npm that some tests drive (Chromium, Jupyter, openpyxl), as listed with their
 * Debian packages in system-packages.txt — the one list `.ci/run` installs from. A test asks for
 * its tool here, so a missing one is named with the package that brings it instead of failing
 * with ENOENT deep inside a child process.
 */
const LIST = path.resolve(import.meta.dirname, '../../system-packages.txt');

/** tool → Debian package, from system-packages.txt. */
export function systemPackages(): Map<string, string> {
  const packages = new Map<string, string>();
  for (const line of readFileSync(LIST, 'utf8').split('\n')) {
    const [tool, pkg] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (tool && pkg) packages.set(tool, pkg);
  }
  return packages;
}

/** Where a command is on PATH, or null; `python3:<module>` is checked by importing it. */
export function findSystemTool(tool: string): string | null {
  if (tool.startsWith('python3:')) {
    try {
      execFileSync('/usr/bin/python3', ['-c', `import ${tool.slice('python3:'.length)}`], { stdio: 'ignore' });
      return '/usr/bin/python3';
    } catch {
      return null;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat('/usr/bin')) {
    const file = path.join(dir, tool);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  return null;
}

/** One line that says what is missing and how to install it. */
export function missingToolMessage(tool: string): string {
  const pkg = systemPackages().get(tool);
  if (!pkg) throw new Error(`${tool} is not listed in system-packages.txt: add it with its Debian package`);
  return `${tool} is not installed: run \`apt-get install ${pkg}\` (every tool the tests need: system-packages.txt)`;
}

/** The tool's path; a missing tool throws the one-line message. */
export function requireSystemTool(tool: string): string {
  const found = findSystemTool(tool);
  if (!found) throw new Error(missingToolMessage(tool));
  return found;
}

/**
 * Whether a suite that needs `tool` should be skipped: outside CI a missing tool skips it with
 * one warning line (the README's `npm test` passes on a machine without it); in CI it never
 * skips, so the suite runs and fails with `requireSystemTool`'s line.
 */
export function skipWithoutTool(tool: string): boolean {
  if (findSystemTool(tool) || process.env.CI) return false;
  console.warn(`${missingToolMessage(tool)}: suite skipped`);
  return true;
}
