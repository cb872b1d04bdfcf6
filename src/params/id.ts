// An item id in a path (`[id=id]`): a positive integer that fits a JavaScript number exactly. Anything else
// ("abc", "0", "1e3", "../x", 20 digits) is a 404 before any route code runs.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is string => /^[1-9]\d{0,15}$/.test(param) && Number(param) <= Number.MAX_SAFE_INTEGER) satisfies ParamMatcher;
