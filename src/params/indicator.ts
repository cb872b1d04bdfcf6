// An indicator code in a path (`[code=indicator]`), as the catalogue writes them: p_laag_inkomen.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is string => /^[a-z0-9_]{1,64}$/i.test(param)) satisfies ParamMatcher;
