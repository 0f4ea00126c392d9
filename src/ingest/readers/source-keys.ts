import { IngestError } from '../errors.ts';
import type { ReleaseMeta } from '../meta.ts';

/**
 * The indicator code each `source_key` of meta.yaml stands for: how files that do not use our
 * codes (BIPA structure ids, QoG variable names) are mapped, in one place.
 */
export function indicatorsBySourceKey(meta: ReleaseMeta | undefined, displayName: string): Map<string, string> {
  if (!meta) throw new IngestError(`${displayName}: this format is read with its meta.yaml`, { file: displayName });
  const byKey = new Map<string, string>();
  for (const indicator of meta.indicators) {
    if (indicator.source_key === undefined) {
      throw new IngestError(`${displayName}: indicator ${indicator.code} has no source_key in meta.yaml`, {
        file: displayName,
      });
    }
    byKey.set(indicator.source_key, indicator.code);
  }
  return byKey;
}
