/** The API's JSON shapes live with the services that return them; routes import them from here too. */
export { countryLabel, inLanguage, presentCountry, presentIndicator, presentRelease } from '../services/presenters.ts';
