/**
 * A cap on the text of search and filter arguments: matching cost grows with it, and no name,
 * title, place or id is anywhere near this long, so a longer one is a mistake or an attack.
 */
import { badUserInput } from './user-input.error';

export const MAX_FILTER_TEXT_LENGTH = 200;

function checkText(value: unknown, argument: string): void {
  if (typeof value === 'string' && value.length > MAX_FILTER_TEXT_LENGTH) {
    throw badUserInput(
      `\`${argument}\` is ${value.length} characters long; search and filter texts are limited to ${MAX_FILTER_TEXT_LENGTH}`,
    );
  }
}

/** Throws BAD_USER_INPUT naming the argument when a text (or an item of a list) of `input` is over the cap. */
export function requireShortTexts(input: object | null | undefined, prefix: string): void {
  for (const [name, value] of Object.entries(input ?? {})) {
    const argument = prefix ? `${prefix}.${name}` : name;
    if (Array.isArray(value)) value.forEach((item) => checkText(item, argument));
    else checkText(value, argument);
  }
}
