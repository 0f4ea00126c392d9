import { createRouter } from '../../http/router.ts';
import { getCountry, listCountries } from './countries.handlers.ts';
import { getCountryRoute, listCountriesRoute } from './countries.routes.ts';

export const countriesRoutes = () =>
  createRouter().openapi(listCountriesRoute, listCountries).openapi(getCountryRoute, getCountry);
