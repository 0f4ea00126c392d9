import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Noto Sans (SIL OFL 1.1) from an npm package: covers Vietnamese, so "Việt Nam" keeps its
 * diacritics in every PNG, on every machine, without system fonts.
 */
export const FONT_FILES = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
];
