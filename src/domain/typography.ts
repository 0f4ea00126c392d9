/** A hyphen used as a minus sign ("-0,1063", "(-2.5") written as a real minus (U+2212), as print typography wants. */
export const withMinusSigns = (text: string) => text.replace(/(^|[\s(])-(?=\d)/g, '$1\u2212');
