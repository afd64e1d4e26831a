/**
 * Rule `letterhead-address`: a postal-address line: a street with a number, a suite or
 * floor, a P.O. box, or a city line ending in a state/region and a postal code.
 *
 *   in:  1634 I Street, NW · Suite 1100 · Washington, DC 20006 · 10 Downing Street, London SW1A 2AA
 *   out: (removed from the body)
 */
import { defineRule } from '../../core/rules.js';
export const { id, summary } = defineRule('letterhead-address');

const streetWords = String.raw`(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|place|pl|square|sq|way|court|ct|plaza|parkway|pkwy|highway|hwy|circle|terrace|row|alley|strasse|straße|rue|via|calle)`;
const street = new RegExp(
  String.raw`^\d{1,6}[a-z]?(?:[-–]\d+)?,?\s+(?:[\p{L}\d.'&-]+\s+){0,5}${streetWords}\.?(?:\s*,?\s*(?:n\.?w|n\.?e|s\.?w|s\.?e|north|south|east|west)\.?)?(?:[,\s]+(?:suite|ste|floor|fl|room|rm|unit)\.?\s*#?\s*\w+)?(?:,\s*[\p{L} .'-]+(?:,?\s+[A-Z]{2}\.?)?(?:\s+[\dA-Z][\d A-Z-]{2,9})?)?$`,
  'iu',
);
const unit =
  /^(?:suite|ste\.?|floor|fl\.?|room|rm\.?|unit|building|bldg\.?)\s*#?\s*[\w-]+$|^\d{1,3}(?:st|nd|rd|th)\s+floor(?:\s+(?:north|south|east|west))?$/i;
const poBox = /^(?:p\.?\s*o\.?\s*box|post office box)\s+\d+/i;
/**
 * "Washington, DC 20006", "Washington, D.C. 20006-1234", "Brussels 1000", "London SW1A 2AA";
 * an Australian state and postcode ("Canberra ACT 2600"), after a building's name too
 * ("Parliament House, Canberra ACT 2600").
 */
const cityLine =
  /^(?:[\p{Lu}][\p{L} .'-]{1,40},\s+)?[\p{Lu}][\p{L} .'-]{1,40},?\s+(?:(?:ACT|NSW|NT|QLD|SA|TAS|VIC|WA)\s+\d{4}|(?:[A-Z]{2}|[A-Z]\.[A-Z]\.|[\p{Lu}][\p{L}]+)?\.?\s*(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d))$/u;
/** "15 Rue de la Loi", "Hauptstraße 12", "Keizersgracht 123". */
const europeanStreet = /^\d{1,5}[a-z]?,?\s+(?:rue|via|calle|avenida|chemin|strada|avenue|boulevard|place)\s+\p{L}/iu;
const streetThenNumber = /^[\p{L}.'-]+(?:straße|strasse|str\.|weg|gasse|platz|laan|gracht|straat|vej|gatan|gade|katu)\s+\d{1,5}[a-z]?$/iu;
const europeanCity = /^(?:[A-Z]{1,2}-)?\d{4,5}\s+[\p{Lu}][\p{L} .'-]{1,40}$/u;

export function test(text: string): boolean {
  // A logo's word in lower case set beside the address, run into its line by the extraction
  // ("citizens 200 Aldersgate Street", "advice London EC1A 4HD"): the address is the rest.
  const t = text.trim().replace(/^\p{Ll}{3,}\s+(?=\d|\p{Lu})/u, '');
  if (unit.test(t)) return true;
  // Every other shape holds a digit (a house number, a box number, a postal code).
  return (
    /[0-9]/.test(t) &&
    (street.test(t) || poBox.test(t) || cityLine.test(t) || europeanCity.test(t) || europeanStreet.test(t) || streetThenNumber.test(t))
  );
}
