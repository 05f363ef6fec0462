// Wording shared by every message that names what the user wrote: suggestions, lists, values.
export { closestWord, didYouMean, editDistance, SUGGEST_MAX_LENGTH } from "./suggest.js";
export { listOf } from "./list-of.js";
export { describeValue } from "./describe-value.js";
export { valuesText, redLineText } from "./describe-red-line.js";
