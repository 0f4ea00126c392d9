import type { Kysely } from 'kysely';
import type { Country } from '../domain/countries.ts';
import type { CountryGroup, Membership } from '../domain/groups.ts';
import type { Database } from '../db/schema.ts';

/**
 * Makes the country, group and membership tables match the registry in src/domain. Idempotent:
 * start-up, tests and the ingest CLI all call it.
 */
export async function seedRegistry(
  db: Kysely<Database>,
  registry: { countries: readonly Country[]; groups: readonly CountryGroup[]; memberships: readonly Membership[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('country')
      .values(
        registry.countries.map((c) => ({
          iso3: c.iso3,
          iso2: c.iso2,
          m49: c.m49,
          name_en: c.nameEn,
          name_vi: c.nameVi,
          aliases: [...c.aliases],
        })),
      )
      .onConflict((oc) =>
        oc.column('iso3').doUpdateSet((eb) => ({
          iso2: eb.ref('excluded.iso2'),
          m49: eb.ref('excluded.m49'),
          name_en: eb.ref('excluded.name_en'),
          name_vi: eb.ref('excluded.name_vi'),
          aliases: eb.ref('excluded.aliases'),
        })),
      )
      .execute();
    await trx
      .insertInto('country_group')
      .values(
        registry.groups.map((g) => ({
          code: g.code,
          name_en: g.nameEn,
          name_vi: g.nameVi,
          description: g.description,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name_en: eb.ref('excluded.name_en'),
          name_vi: eb.ref('excluded.name_vi'),
          description: eb.ref('excluded.description'),
        })),
      )
      .execute();
    await trx.deleteFrom('group_membership').execute();
    await trx
      .insertInto('group_membership')
      .values(
        registry.memberships.map((m) => ({
          group_code: m.groupCode,
          iso3: m.iso3,
          joined_on: m.joinedOn,
          left_on: m.leftOn,
        })),
      )
      .execute();
  });
}
