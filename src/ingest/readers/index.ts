import type { ReleaseMeta } from '../meta.ts';
import { readBipaLong } from './bipa-long.ts';
import { readBipaProcessed } from './bipa-processed.ts';
import { readIlostatBulk } from './ilostat-bulk.ts';
import { readQogWide } from './qog-wide.ts';
import type { Reader } from './raw-row.ts';
import { readTidy } from './tidy.ts';
import { readUnEgov } from './un-egov.ts';
import { readWorldBankBulk } from './wb-bulk.ts';

export const READERS: Readonly<Record<ReleaseMeta['format'], Reader>> = {
  tidy: readTidy,
  'wb-bulk': readWorldBankBulk,
  'un-egov': readUnEgov,
  'bipa-long': readBipaLong,
  'qog-wide': readQogWide,
  'ilostat-bulk': readIlostatBulk,
  'bipa-processed': readBipaProcessed,
};
